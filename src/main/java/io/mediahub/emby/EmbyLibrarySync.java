package io.mediahub.emby;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.GenreResolver;
import io.mediahub.common.HttpSettings;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowFailedException;
import io.mediahub.flow.FlowRequest;
import io.mediahub.flow.FlowResult;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code emby-sync-library} flow: users, libraries and every item of an Emby or Jellyfin server into the store.
 *
 * <p>Pages through {@code /Items} ({@code emby.page-size} a page), writes a transaction every
 * {@code emby.commit-every} items, fills episodes without genres from their series (one lookup per series), and
 * prunes what the server no longer has only after a complete listing: a failed call, a short page or a total that
 * moved by more than {@code emby.max-total-drift} fails the run and deletes nothing.
 */
public class EmbyLibrarySync {
    private static final Logger LOG = LoggerFactory.getLogger(EmbyLibrarySync.class);
    private static final int SERIES_CACHE_SIZE = 20_000;

    private final Settings settings;
    private final LibraryRepository repository;
    private final ObjectMapper json;
    private final Clock clock;

    public EmbyLibrarySync(Settings settings, LibraryRepository repository, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    public FlowResult run(FlowRequest request) throws SQLException {
        FlowResult result = new FlowResult();
        EmbyClient client = EmbyClient.connect(settings.get("emby.url"), settings.get("emby.api-key"), HttpSettings.from(settings), json);
        LOG.info("emby-sync-library: connected to {}", client.describe());

        List<EmbyClient.EmbyUser> users = client.users();
        List<EmbyClient.EmbyLibrary> libraries = client.libraries();
        List<String> scopes = scopes(libraries);
        Instant now = clock.instant();
        repository.replaceUsers(users, now);
        repository.replaceLibraries(libraries, now);
        result.count("users", users.size()).count("libraries", libraries.size());

        repository.clearSeen();
        GenreResolver genres = repository.genreResolver();
        Map<String, List<String>> seriesGenres = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                return size() > SERIES_CACHE_SIZE;
            }
        };
        Listing listing = new Listing(client, genres, seriesGenres, result, request);
        for (String parentId : scopes) {
            listing.list(parentId);
        }
        listing.flush();

        long before = repository.countItems();
        long unseen = repository.countUnseen();
        double maxFraction = settings.getDouble("emby.prune-max-fraction");
        if (unseen > 0 && before > 0 && unseen > maxFraction * before && !request.option("force-prune")) {
            throw new FlowFailedException(String.format(Locale.ROOT,
                    "the server listed %d items but the store has %d more that it did not list (%.0f%% of the library, above "
                            + "EMBY_PRUNE_MAX_FRACTION=%s); nothing was pruned — check EMBY_LIBRARIES, or run with --force-prune",
                    result.read(), unseen, 100.0 * unseen / before, settings.get("emby.prune-max-fraction")), result);
        }
        request.checkNotStopping();
        long deleted = repository.pruneUnseen();
        result.deleted(deleted);
        LOG.info("emby-sync-library: {} items listed, {} new, {} changed, {} unchanged, {} pruned, {} skipped", result.read(),
                result.counter("items_new"), result.counter("items_changed"), result.counter("items_unchanged"), deleted, result.skipped());
        return result;
    }

    /** The ParentIds to list: every configured library, or the whole server (null) when none is configured. */
    private List<String> scopes(List<EmbyClient.EmbyLibrary> libraries) {
        List<String> wanted = settings.getList("emby.libraries");
        if (wanted.isEmpty()) {
            List<String> all = new ArrayList<>();
            all.add(null);
            return all;
        }
        List<String> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : wanted) {
            libraries.stream().filter(l -> l.name().equalsIgnoreCase(name) || l.id().equals(name)).findFirst()
                    .ifPresentOrElse(l -> ids.add(l.id()), () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            throw new FlowFailedException("EMBY_LIBRARIES names " + unknown + ", which the server does not have; its libraries are "
                    + libraries.stream().map(EmbyClient.EmbyLibrary::name).toList(), null);
        }
        return ids;
    }

    /** One listing pass: pages, checks, batches. */
    private final class Listing {
        private final EmbyClient client;
        private final GenreResolver genres;
        private final Map<String, List<String>> seriesGenres;
        private final FlowResult result;
        private final FlowRequest request;
        private final int pageSize = settings.getInt("emby.page-size");
        private final int commitEvery = settings.getInt("emby.commit-every");
        private final double maxDrift = settings.getDouble("emby.max-total-drift");
        private final List<String> types = settings.getList("emby.item-types");
        private final List<LibraryItem> batch = new ArrayList<>();

        Listing(EmbyClient client, GenreResolver genres, Map<String, List<String>> seriesGenres, FlowResult result, FlowRequest request) {
            this.client = client;
            this.genres = genres;
            this.seriesGenres = seriesGenres;
            this.result = result;
            this.request = request;
        }

        void list(String parentId) throws SQLException {
            String scope = parentId == null ? "the whole server" : "library " + parentId;
            int start = 0;
            Long firstTotal = null;
            while (true) {
                request.checkNotStopping();
                JsonNode page = client.itemsPage(parentId, types, start, pageSize);
                JsonNode items = page.get("Items");
                JsonNode totalNode = page.get("TotalRecordCount");
                if (items == null || !items.isArray() || totalNode == null || !totalNode.canConvertToLong()) {
                    throw incomplete("the page at " + start + " of " + scope + " has no Items list or TotalRecordCount");
                }
                long total = totalNode.asLong();
                if (firstTotal == null) {
                    firstTotal = total;
                } else if (Math.abs(total - firstTotal) > maxDrift * Math.max(1, firstTotal)) {
                    throw incomplete("the item count of " + scope + " moved from " + firstTotal + " to " + total
                            + " during the listing (more than EMBY_MAX_TOTAL_DRIFT=" + maxDrift + ")");
                }
                long expected = Math.min(pageSize, Math.max(0, total - start));
                if (items.size() < expected) {
                    throw incomplete("the page at " + start + " of " + scope + " has " + items.size() + " items where " + expected
                            + " were promised (TotalRecordCount " + total + ")");
                }
                for (JsonNode n : items) {
                    accept(n);
                }
                start += items.size();
                if (items.isEmpty() || start >= total) {
                    return;
                }
            }
        }

        private FlowFailedException incomplete(String why) {
            return new FlowFailedException("incomplete listing, nothing pruned: " + why, result);
        }

        private void accept(JsonNode n) throws SQLException {
            result.read(1);
            StringBuilder why = new StringBuilder();
            LibraryItem item = LibraryItemMapper.map(n, why).orElse(null);
            if (item == null) {
                result.skipped(1);
                LOG.warn("emby-sync-library: skipped {}", why);
                return;
            }
            if ("Series".equals(item.itemType())) {
                seriesGenres.put(item.itemId(), item.genres());
            }
            if (item.isEpisode() && item.genres().isEmpty() && item.seriesId() != null) {
                List<String> g = seriesGenres.get(item.seriesId());
                if (g == null) {
                    g = client.seriesGenres(item.seriesId());
                    seriesGenres.put(item.seriesId(), g);
                    result.count("series_lookups", 1);
                }
                if (!g.isEmpty()) {
                    item = item.withGenres(g);
                    result.count("episodes_with_series_genres", 1);
                }
            }
            batch.add(item);
            if (batch.size() >= commitEvery) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (batch.isEmpty()) {
                return;
            }
            request.checkNotStopping();
            LibraryRepository.BatchResult r = repository.writeBatch(batch, genres, clock.instant());
            batch.clear();
            result.written(r.inserted() + r.updated());
            result.count("items_new", r.inserted()).count("items_changed", r.updated()).count("items_unchanged", r.unchanged())
                    .count("child_rows_written", r.childRows());
            if (result.read() / commitEvery % 10 == 0) {
                LOG.info("emby-sync-library: {} items listed so far", result.read());
            }
        }
    }
}
