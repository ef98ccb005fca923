package io.mediahub.history;

import io.mediahub.flow.FlowRequest;
import io.mediahub.flow.FlowResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state of one {@code emby-sync-history} run, held in the route's variable {@code sync}: the request and its
 * counts, the server's user names, the ROWID the plugin is read after, the rejected rows listed so far. No I/O.
 */
public final class HistoryRun {
    private final FlowRequest request;
    private final FlowResult result = new FlowResult();
    private final boolean full;
    private final int pageSize;
    private final Instant stamp;
    private final List<String> rejects = new ArrayList<>();
    private Map<String, String> users = Map.of();
    private String where = "";
    private long previousMax;
    private long last;
    private long pages;
    private boolean more = true;

    HistoryRun(FlowRequest request, boolean full, int pageSize, Instant stamp) {
        this.request = request;
        this.full = full;
        this.pageSize = pageSize;
        this.stamp = stamp;
    }

    public FlowRequest request() {
        return request;
    }

    public FlowResult result() {
        return result;
    }

    /** A full re-read ({@code --full} or {@code HISTORY_FULL_REFRESH=true}): every row, then the prune and a full rebuild. */
    public boolean full() {
        return full;
    }

    /** When this run's rows are stamped ({@code synced_at}); a full re-read prunes the rows without it. */
    public Instant stamp() {
        return stamp;
    }

    /** Whether the plugin has rows left: a short page ends the listing. */
    public boolean more() {
        return more;
    }

    public long pages() {
        return pages;
    }

    /** The highest ROWID stored before this run. */
    public long previousMax() {
        return previousMax;
    }

    /** The rows whose counts (unknown users, items) this run reports: after {@link #previousMax()}, or all on a full run. */
    public long countedAfter() {
        return full ? 0 : previousMax;
    }

    public Map<String, String> users() {
        return users;
    }

    public String where() {
        return where;
    }

    long last() {
        return last;
    }

    int pageSize() {
        return pageSize;
    }

    List<String> rejects() {
        return rejects;
    }

    void begin(Map<String, String> users, String where, long previousMax) {
        this.users = users;
        this.where = where;
        this.previousMax = previousMax;
        this.last = full ? 0 : previousMax;
    }

    /** One page read: the highest ROWID so far, and whether it was the last page. */
    void paged(long highest, int rows) {
        pages++;
        last = Math.max(last, highest);
        more = rows >= pageSize;
    }
}
