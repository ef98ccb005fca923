package io.mediahub.history;

import io.mediahub.store.Store;
import java.sql.SQLException;
import java.util.List;

/**
 * The writes and reads of {@code watch_hist_raw_events} that the {@code emby-sync-history} route makes, each in its own
 * store transaction ({@link RawEventWriter} holds the statements).
 */
public final class RawEventStore {
    private final Store store;

    public RawEventStore(Store store) {
        this.store = store;
    }

    /** The highest ROWID stored. */
    public long maxRowId() throws SQLException {
        return store.inTransaction(RawEventWriter::maxRowId);
    }

    /**
     * One page's events, and (on an incremental run) their (user, item) pairs marked for the rebuild, in one
     * transaction: a run that stops before rebuilding leaves the pairs for the next run.
     */
    public int write(HistoryRun run, List<RawEventWriter.RawEvent> events) throws SQLException {
        long first = events.isEmpty() ? 0 : events.get(0).sourceRowId();
        long lastOfPage = events.isEmpty() ? 0 : events.get(events.size() - 1).sourceRowId();
        return store.inTransaction(c -> {
            int n = RawEventWriter.write(c, events, run.stamp());
            if (!run.full() && n > 0) {
                RawEventWriter.markDirty(c, first, lastOfPage);
            }
            return n;
        });
    }

    /** After a complete full re-read: the rows the plugin no longer has. */
    public long pruneNotSynced(HistoryRun run) throws SQLException {
        return store.inTransaction(c -> RawEventWriter.pruneNotSynced(c, run.stamp().toString()));
    }

    /** Counts the events of this run whose user the server does not list, and whose item the library does not have. */
    public void countUnknown(HistoryRun run) throws SQLException {
        store.inTransaction(c -> {
            run.result().count("events_unknown_user", RawEventWriter.countUnknownUsers(c, run.countedAfter(), run.users().keySet()));
            run.result().count("events_unknown_item", RawEventWriter.countUnknownItems(c, run.countedAfter()));
            return null;
        });
    }
}
