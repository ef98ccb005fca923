package io.mediahub.emby;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahub.common.GenreResolver;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowFailedException;
import io.mediahub.flow.FlowRequest;
import io.mediahub.flow.FlowResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages of the {@code emby-sync-library} route that are not calls or writes: each moves the run's state
 * ({@link LibrarySyncRun}, the route's variable {@code sync}) on between the route's endpoints. No I/O here.
 *
 * <p>The route pages through {@code /Items} ({@code emby.page-size} a page), writes a transaction every
 * {@code emby.commit-every} items, fills episodes without genres from their series (one look-up per series), and
 * prunes what the server no longer has only after a complete listing: a failed call, a short page or a total that
 * moved by more than {@code emby.max-total-drift} fails the run and deletes nothing.
 */
public class EmbyLibrarySync {
    private static final Logger LOG = LoggerFactory.getLogger(EmbyLibrarySync.class);

    private final Settings settings;
    private final Clock clock;

    public EmbyLibrarySync(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The run's state, from the flow runner's request. */
    public LibrarySyncRun start(FlowRequest request) {
        return new LibrarySyncRun(request, clock, settings.getInt("emby.page-size"), settings.getInt("emby.commit-every"),
                settings.getDouble("emby.max-total-drift"), settings.getList("emby.item-types"));
    }

    /** The query of a series look-up ({@code /Items?Ids=}). */
    public String seriesQuery(LibrarySyncRun run, String seriesId) {
        return run.seriesQuery(seriesId);
    }

    public void connected(EmbyServer server) {
        LOG.info("emby-sync-library: connected to {}", server.describe());
    }

    /** Counts the users and libraries about to be written. */
    public void listed(LibrarySyncRun run, List<EmbyUser> users, List<EmbyLibrary> libraries) {
        run.result().count("users", users.size()).count("libraries", libraries.size());
    }

    /**
     * The ParentIds to list: every configured library ({@code EMBY_LIBRARIES}, by name or id), or the whole server (null)
     * when none is configured. An unknown name fails the run before anything is written.
     */
    public List<String> scopes(List<EmbyLibrary> libraries) {
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
                    + libraries.stream().map(EmbyLibrary::name).toList(), null);
        }
        return ids;
    }

    /** The listing starts: its scopes, the server's spelling of parameters, the genre ids of the store. */
    public void beginListing(LibrarySyncRun run, List<String> scopes, EmbyServer server, GenreResolver genres) {
        run.begin(scopes, server, genres);
    }

    /** Counts the next {@code /Items} page (the loop's hard stop counts on it); returns its query. */
    public String nextPage(LibrarySyncRun run) {
        run.countPage();
        return run.itemsQuery();
    }

    /** Checks of one {@code /Items} page, and the cursor moved on past it; returns its items. */
    public JsonNode page(LibrarySyncRun run, JsonNode page) {
        return run.accept(page);
    }

    /** Counts the page's items and skips (each logged); returns the series whose genres must be looked up. */
    public List<String> mapped(LibrarySyncRun run, LibraryItemMapper.Page page) {
        run.result().read(page.items().size() + page.skipped().size()).skipped(page.skipped().size());
        for (String why : page.skipped()) {
            LOG.warn("emby-sync-library: skipped {}", why);
        }
        return run.mapped(page.items());
    }

    /** One series looked up ({@code /Items?Ids=}). */
    public void seriesLookedUp(LibrarySyncRun run, String seriesId, JsonNode answer) {
        run.seriesLookedUp(seriesId, ServerListMapper.seriesGenres(answer));
    }

    /** The page into the batch; the batches now full ({@code emby.commit-every} items each), to be written. */
    public List<List<LibraryItem>> fullBatches(LibrarySyncRun run) {
        List<List<LibraryItem>> full = run.fullBatches();
        if (!full.isEmpty()) {
            run.request().checkNotStopping();
        }
        return full;
    }

    /** Counts one written batch. */
    public void written(LibrarySyncRun run, LibraryRepository.BatchResult r) {
        FlowResult result = run.result();
        result.written(r.inserted() + r.updated());
        result.count("items_new", r.inserted()).count("items_changed", r.updated()).count("items_unchanged", r.unchanged())
                .count("child_rows_written", r.childRows());
        if (result.read() / run.commitEvery() % 10 == 0) {
            LOG.info("emby-sync-library: {} items listed so far", result.read());
        }
    }

    /** After the page loop: the listing must be complete (not ended by the hard stop); returns the last batch. */
    public List<LibraryItem> lastBatch(LibrarySyncRun run) {
        run.checkComplete();
        List<LibraryItem> rest = run.rest();
        if (!rest.isEmpty()) {
            run.request().checkNotStopping();
        }
        return rest;
    }

    /**
     * Before the prune: more unseen items than {@code emby.prune-max-fraction} of the store fails the run (a wrong
     * EMBY_LIBRARIES, a server that lost its media drive) unless run with {@code --force-prune}.
     */
    public void checkPrune(LibrarySyncRun run, long stored, long unseen) {
        double maxFraction = settings.getDouble("emby.prune-max-fraction");
        if (unseen > 0 && stored > 0 && unseen > maxFraction * stored && !run.request().option("force-prune")) {
            throw new FlowFailedException(String.format(Locale.ROOT,
                    "the server listed %d items but the store has %d more that it did not list (%.0f%% of the library, above "
                            + "EMBY_PRUNE_MAX_FRACTION=%s); nothing was pruned — check EMBY_LIBRARIES, or run with --force-prune",
                    run.result().read(), unseen, 100.0 * unseen / stored, settings.get("emby.prune-max-fraction")), run.result());
        }
        run.request().checkNotStopping();
    }

    /** The run's counts for flow_runs. */
    public FlowResult finish(LibrarySyncRun run, long deleted) {
        FlowResult result = run.result();
        result.deleted(deleted);
        LOG.info("emby-sync-library: {} items listed, {} new, {} changed, {} unchanged, {} pruned, {} skipped", result.read(),
                result.counter("items_new"), result.counter("items_changed"), result.counter("items_unchanged"), deleted, result.skipped());
        return result;
    }
}
