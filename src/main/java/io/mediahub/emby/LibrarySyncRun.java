package io.mediahub.emby;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahub.common.GenreResolver;
import io.mediahub.flow.FlowFailedException;
import io.mediahub.flow.FlowRequest;
import io.mediahub.flow.FlowResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The state of one {@code emby-sync-library} run, held in the route's variable {@code sync}: the request and its
 * counts, the listing's cursor over the scopes (library ids, or the whole server) and their pages, the series-genre
 * fallback and the batch not yet written. No I/O: the route makes the calls and the writes, {@link EmbyLibrarySync}
 * moves this state on between them.
 */
public final class LibrarySyncRun {
    private final FlowRequest request;
    private final Clock clock;
    private final FlowResult result = new FlowResult();
    private final int pageSize;
    private final int commitEvery;
    private final double maxDrift;
    private final List<String> types;
    private final SeriesGenreFallback seriesGenres = new SeriesGenreFallback();
    private final List<LibraryItem> batch = new ArrayList<>();
    private List<String> scopes = List.of();
    private EmbyServer server;
    private GenreResolver genres;
    private int scope;
    private int start;
    private Long firstTotal;
    private long pages;
    private long pageLimit = 1;
    private boolean more = true;
    private List<LibraryItem> pending = List.of();

    LibrarySyncRun(FlowRequest request, Clock clock, int pageSize, int commitEvery, double maxDrift, List<String> types) {
        this.request = request;
        this.clock = clock;
        this.pageSize = pageSize;
        this.commitEvery = commitEvery;
        this.maxDrift = maxDrift;
        this.types = types;
    }

    public FlowRequest request() {
        return request;
    }

    public FlowResult result() {
        return result;
    }

    /** The time the rows written now are stamped with. */
    public Instant now() {
        return clock.instant();
    }

    public GenreResolver genres() {
        return genres;
    }

    void begin(List<String> scopes, EmbyServer server, GenreResolver genres) {
        this.scopes = scopes;
        this.server = server;
        this.genres = genres;
        this.more = !scopes.isEmpty();
    }

    /** Whether the listing has pages left to read. */
    public boolean more() {
        return more;
    }

    /** Pages read so far, over every scope. */
    public long pages() {
        return pages;
    }

    /**
     * The hard stop of the page loop: no listing may take more pages than its first total allows (grown by the
     * drift it tolerates), plus one. A listing that reaches it is incomplete and prunes nothing.
     */
    public long pageLimit() {
        return pageLimit;
    }

    String scopeName() {
        String parentId = scopes.get(Math.min(scope, scopes.size() - 1));
        return parentId == null ? "the whole server" : "library " + parentId;
    }

    /** The next page is about to be asked for: counted here, apart from its checks, for the loop's hard stop. */
    void countPage() {
        request.checkNotStopping();
        pages++;
    }

    /** The query of the next {@code /Items} page (the products spell their parameters differently). */
    public String itemsQuery() {
        Map<String, Object> q = new LinkedHashMap<>();
        boolean jf = server.jellyfin();
        q.put(jf ? "recursive" : "Recursive", "true");
        q.put(jf ? "includeItemTypes" : "IncludeItemTypes", String.join(",", types));
        q.put(jf ? "fields" : "Fields", jf
                ? "Genres,Tags,Studios,ProviderIds,Path,Overview,DateCreated,MediaStreams,Width,Height,ParentId"
                : "Genres,GenreItems,Tags,TagItems,Studios,ProviderIds,Path,Overview,DateCreated,PremiereDate,ProductionYear,"
                        + "RunTimeTicks,Container,MediaStreams,Width,Height,ParentId,CommunityRating,OfficialRating,SeriesId,SeriesName,"
                        + "SeasonId,IndexNumber,ParentIndexNumber");
        q.put(jf ? "sortBy" : "SortBy", "SortName");
        q.put(jf ? "sortOrder" : "SortOrder", "Ascending");
        q.put(jf ? "enableTotalRecordCount" : "EnableTotalRecordCount", "true");
        q.put(jf ? "enableUserData" : "EnableUserData", "false");
        q.put(jf ? "enableImages" : "EnableImages", "false");
        String parentId = scopes.get(scope);
        if (parentId != null) {
            q.put(jf ? "parentId" : "ParentId", parentId);
        }
        q.put(jf ? "startIndex" : "StartIndex", start);
        q.put(jf ? "limit" : "Limit", pageSize);
        return io.mediahub.common.Urls.query(q);
    }

    /** The query of a series look-up ({@code /Items?Ids=}). */
    public String seriesQuery(String seriesId) {
        boolean jf = server.jellyfin();
        Map<String, Object> q = new LinkedHashMap<>();
        q.put(jf ? "ids" : "Ids", seriesId);
        q.put(jf ? "fields" : "Fields", jf ? "Genres" : "Genres,GenreItems");
        return io.mediahub.common.Urls.query(q);
    }

    /**
     * Checks one page against the listing so far (its Items list and TotalRecordCount, a total that moved more than
     * the drift allows, a short page) and moves the cursor on: to the next page, the next scope, or the end.
     * Returns the page's items.
     */
    JsonNode accept(JsonNode page) {
        JsonNode items = page.get("Items");
        JsonNode totalNode = page.get("TotalRecordCount");
        String scopeName = scopeName();
        if (items == null || !items.isArray() || totalNode == null || !totalNode.canConvertToLong()) {
            throw incomplete("the page at " + start + " of " + scopeName + " has no Items list or TotalRecordCount");
        }
        long total = totalNode.asLong();
        if (firstTotal == null) {
            firstTotal = total;
            pageLimit = pages + (long) Math.ceil(total * (1 + maxDrift) / pageSize) + 1;
        } else if (Math.abs(total - firstTotal) > maxDrift * Math.max(1, firstTotal)) {
            throw incomplete("the item count of " + scopeName + " moved from " + firstTotal + " to " + total
                    + " during the listing (more than EMBY_MAX_TOTAL_DRIFT=" + maxDrift + ")");
        }
        long expected = Math.min(pageSize, Math.max(0, total - start));
        if (items.size() < expected) {
            throw incomplete("the page at " + start + " of " + scopeName + " has " + items.size() + " items where " + expected
                    + " were promised (TotalRecordCount " + total + ")");
        }
        start += items.size();
        if (items.isEmpty() || start >= total) {
            nextScope();
        }
        return items;
    }

    private void nextScope() {
        scope++;
        start = 0;
        firstTotal = null;
        more = scope < scopes.size();
        pageLimit = pages + 1;
    }

    /** After the page loop: a listing the hard stop ended is incomplete. */
    void checkComplete() {
        if (more) {
            throw incomplete("the listing of " + scopeName() + " was ended by the hard stop after " + pages + (pages == 1 ? " page" : " pages")
                    + " of /Items without reaching its TotalRecordCount");
        }
    }

    FlowFailedException incomplete(String why) {
        return new FlowFailedException("incomplete listing, nothing pruned: " + why, result);
    }

    /** A mapped page: kept until its series genres are known. Returns the series to look up, in order. */
    List<String> mapped(List<LibraryItem> items) {
        pending = items;
        return seriesGenres.missing(items);
    }

    void seriesLookedUp(String seriesId, List<String> genreNames) {
        seriesGenres.looked(seriesId, genreNames);
        result.count("series_lookups", 1);
    }

    /** The pending page, episodes given their series' genres, into the batch; the batches that are full. */
    List<List<LibraryItem>> fullBatches() {
        for (LibraryItem item : pending) {
            LibraryItem filled = seriesGenres.fill(item);
            if (filled != item) {
                result.count("episodes_with_series_genres", 1);
            }
            batch.add(filled);
        }
        pending = List.of();
        List<List<LibraryItem>> full = new ArrayList<>();
        while (batch.size() >= commitEvery) {
            full.add(new ArrayList<>(batch.subList(0, commitEvery)));
            batch.subList(0, commitEvery).clear();
        }
        return full;
    }

    /** What is left for the last batch. */
    List<LibraryItem> rest() {
        List<LibraryItem> last = new ArrayList<>(batch);
        batch.clear();
        return last;
    }

    int commitEvery() {
        return commitEvery;
    }
}
