package io.mediahub.history;

import io.mediahub.store.Dialect;
import io.mediahub.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Steps 2–4 of {@code emby-sync-history}: sessions, user-item stats and completion ratios, for every pair (full) or only
 * for the pairs marked as having gained events or whose item's runtime no longer matches the one their sessions used
 * (so a runtime that arrives in {@code library_items} recomputes ratios <em>and</em> outcomes). Either way the result
 * equals a full rebuild.
 *
 * <p>Streams the raw events in (user, item, start) order from the store's index through the {@link PlaybackSessioniser}:
 * memory holds one open session and one stats accumulator, whatever the number of events, on SQLite and MySQL alike.
 * The sessions and stats are written in one transaction: a failure leaves the previous sessions and stats.
 */
public final class WatchHistoryRebuild {
    private static final int BATCH = 5_000;

    public record Counts(long pairs, long runtimeChangedPairs, long sessions, long stats) {
    }

    private final Store store;
    private final SessionRules rules;

    public WatchHistoryRebuild(Store store, SessionRules rules) {
        this.store = store;
        this.rules = rules;
    }

    /** Rebuilds every pair ({@code full}) or the pairs marked dirty plus those whose runtime changed; clears the marks. */
    public Counts rebuild(boolean full) throws SQLException {
        return rebuild(full, markRuntimeChanged(full));
    }

    /**
     * Step 4's marks: the pairs whose item's runtime changed (none on a full rebuild, which rebuilds every pair). They are
     * committed first, on their own: on MySQL the events are read on a second connection, which sees only committed rows.
     * Should the rebuild then fail, the pairs stay marked and the next run rebuilds them.
     */
    public long markRuntimeChanged(boolean full) throws SQLException {
        return full ? 0 : store.inTransaction(WatchHistoryRebuild::markRuntimeChanged);
    }

    /** Steps 2–4 for every pair ({@code full}) or the marked ones, in one transaction; clears the marks. */
    public Counts rebuild(boolean full, long runtimeChanged) throws SQLException {
        return store.inTransaction(c -> {
            if (store.dialect() == Dialect.SQLITE) {
                // Index inserts in (user, item) order touch pages all over the session and stats B-trees: a 64 MB page
                // cache for this connection keeps them in memory (the default is 2 MB).
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA cache_size = -65536");
                }
            }
            long pairs;
            if (full) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM watch_hist_agg_sessions");
                    s.executeUpdate("DELETE FROM watch_hist_user_item_stats");
                }
                pairs = -1;
            } else {
                try (Statement s = c.createStatement()) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM watch_hist_dirty_pairs")) {
                        rs.next();
                        pairs = rs.getLong(1);
                    }
                    if (pairs == 0) {
                        return new Counts(0, 0, 0, 0);
                    }
                    s.executeUpdate("DELETE FROM watch_hist_agg_sessions WHERE (user_id, item_id) IN (SELECT user_id, item_id FROM watch_hist_dirty_pairs)");
                    s.executeUpdate("DELETE FROM watch_hist_user_item_stats WHERE (user_id, item_id) IN (SELECT user_id, item_id FROM watch_hist_dirty_pairs)");
                }
            }
            // The library's types and runtimes, held once (memory follows the library, not the events), instead of a
            // join per event.
            Map<String, Object[]> library = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT item_id, item_type, runtime_seconds FROM library_items")) {
                while (rs.next()) {
                    long rt = rs.getLong(3);
                    library.put(rs.getString(1), new Object[] {rs.getString(2), rs.wasNull() || rt <= 0 ? null : rt});
                }
            }
            String sql = "SELECT r.source_row_id, r.user_id, r.item_id, r.item_type, r.started_at, r.play_duration_seconds FROM watch_hist_raw_events r "
                    + (full ? "" : "JOIN watch_hist_dirty_pairs d ON d.user_id = r.user_id AND d.item_id = r.item_id ")
                    + "ORDER BY r.user_id, r.item_id, r.started_at, r.source_row_id";
            try (Writer w = new Writer(c)) {
                // SQLite streams the events on the connection that writes. MySQL/MariaDB cannot: a statement sent while a
                // streamed result is unread makes the driver load the rest of it into memory. There the events stream
                // on a second, read-only connection (it sees the committed events and marks; nothing else writes them
                // while this flow holds its lock) and the sessions and stats are written here, in this transaction.
                try (Connection reader = store.dialect() == Dialect.MYSQL ? readOnlyConnection() : null;
                     Statement s = (reader == null ? c : reader).createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                    s.setFetchSize(store.dialect().streamingFetchSize());
                    try (ResultSet rs = s.executeQuery(sql)) {
                        PlaybackSessioniser sessioniser = new PlaybackSessioniser(rules, w::session);
                        String lastItem = null;
                        Object[] known = null;
                        while (rs.next()) {
                            String item = rs.getString(3);
                            if (!item.equals(lastItem)) {
                                lastItem = item;
                                known = library.get(item);
                            }
                            String type = known != null && known[0] != null ? (String) known[0] : rs.getString(4);
                            sessioniser.add(rs.getLong(1), rs.getString(2), item, type, known == null ? null : (Long) known[1],
                                    utc(rs.getString(5)), rs.getLong(6));
                        }
                        sessioniser.finish();
                    }
                }
                w.flushPair();
                w.flush();
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM watch_hist_dirty_pairs");
                }
                return new Counts(full ? w.stats : pairs, runtimeChanged, w.sessions, w.stats);
            }
        });
    }

    /**
     * Step 4: marks the pairs whose item's runtime in {@code library_items} is not the one their sessions were computed
     * with (pairs that gained events were marked when their events were stored, {@code RawEventWriter.markDirty}).
     */
    private static long markRuntimeChanged(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO watch_hist_dirty_pairs (user_id, item_id) SELECT x.user_id, x.item_id FROM ("
                    + "SELECT DISTINCT st.user_id, st.item_id FROM watch_hist_agg_sessions st LEFT JOIN library_items li ON li.item_id = st.item_id "
                    + "WHERE COALESCE(st.runtime_seconds, -1) <> COALESCE(CASE WHEN li.runtime_seconds > 0 THEN li.runtime_seconds END, -1)) x "
                    + "WHERE NOT EXISTS (SELECT 1 FROM watch_hist_dirty_pairs d WHERE d.user_id = x.user_id AND d.item_id = x.item_id)");
        }
    }

    private Connection readOnlyConnection() throws SQLException {
        Connection c = store.connection();
        try {
            c.setReadOnly(true);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Reads the store's UTC text ({@code 2025-01-10T20:00:00Z}) without the general ISO parser, which dominated the read. */
    static Instant utc(String t) {
        if (t.length() == 20 && t.charAt(4) == '-' && t.charAt(10) == 'T' && t.charAt(19) == 'Z') {
            long days = java.time.LocalDate.of(num(t, 0, 4), num(t, 5, 7), num(t, 8, 10)).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + num(t, 11, 13) * 3600L + num(t, 14, 16) * 60L + num(t, 17, 19));
        }
        return Instant.parse(t);
    }

    private static int num(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (t.charAt(i) - '0');
        }
        return n;
    }

    /** Batches sessions and stats; a pair's stats are written when the next pair's first session arrives. */
    private final class Writer implements AutoCloseable {
        private final PreparedStatement sessionInsert;
        private final PreparedStatement statsInsert;
        private final UserItemStats.Accumulator acc = new UserItemStats.Accumulator();
        private String userId;
        private String itemId;
        private int pending;
        long sessions;
        long stats;

        Writer(Connection c) throws SQLException {
            sessionInsert = c.prepareStatement("INSERT INTO watch_hist_agg_sessions (session_id, user_id, item_id, item_type, started_at, ended_at, "
                    + "event_count, sampled_seconds, runtime_seconds, runtime_is_fallback, completion_ratio, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            statsInsert = c.prepareStatement("INSERT INTO watch_hist_user_item_stats (user_id, item_id, item_type, total_sessions, completed_sessions, "
                    + "partial_sessions, sampled_sessions, abandoned_sessions, total_seconds, total_minutes, max_completion_ratio, avg_completion_ratio, "
                    + "rewatch_count, first_watched_at, last_watched_at, days_between_first_last, adherence_score) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void session(WatchSession s) {
            try {
                if (!s.userId().equals(userId) || !s.itemId().equals(itemId)) {
                    flushPair();
                    userId = s.userId();
                    itemId = s.itemId();
                }
                acc.add(s);
                sessionInsert.setLong(1, s.sessionId());
                sessionInsert.setString(2, s.userId());
                sessionInsert.setString(3, s.itemId());
                setString(sessionInsert, 4, s.itemType());
                sessionInsert.setString(5, s.startedAt().toString());
                sessionInsert.setString(6, s.endedAt().toString());
                sessionInsert.setInt(7, s.eventCount());
                sessionInsert.setLong(8, s.sampledSeconds());
                if (s.runtimeSeconds() == null) {
                    sessionInsert.setNull(9, Types.BIGINT);
                } else {
                    sessionInsert.setLong(9, s.runtimeSeconds());
                }
                sessionInsert.setInt(10, s.runtimeIsFallback() ? 1 : 0);
                setDouble(sessionInsert, 11, s.completionRatio());
                sessionInsert.setString(12, s.outcome());
                sessionInsert.addBatch();
                sessions++;
                if (++pending >= BATCH) {
                    flush();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("writing watch_hist_agg_sessions: " + e.getMessage(), e);
            }
        }

        void flushPair() throws SQLException {
            if (acc.isEmpty()) {
                return;
            }
            UserItemStats u = acc.build();
            acc.reset();
            statsInsert.setString(1, u.userId());
            statsInsert.setString(2, u.itemId());
            setString(statsInsert, 3, u.itemType());
            statsInsert.setInt(4, u.totalSessions());
            statsInsert.setInt(5, u.completedSessions());
            statsInsert.setInt(6, u.partialSessions());
            statsInsert.setInt(7, u.sampledSessions());
            statsInsert.setInt(8, u.abandonedSessions());
            statsInsert.setLong(9, u.totalSeconds());
            statsInsert.setDouble(10, u.totalMinutes());
            setDouble(statsInsert, 11, u.maxCompletionRatio());
            setDouble(statsInsert, 12, u.avgCompletionRatio());
            statsInsert.setInt(13, u.rewatchCount());
            statsInsert.setString(14, u.firstWatchedAt().toString());
            statsInsert.setString(15, u.lastWatchedAt().toString());
            statsInsert.setDouble(16, u.daysBetweenFirstLast());
            statsInsert.setDouble(17, u.adherenceScore());
            statsInsert.addBatch();
            stats++;
            if (++pending >= BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            sessionInsert.executeBatch();
            statsInsert.executeBatch();
            pending = 0;
        }

        private void setString(PreparedStatement ps, int i, String v) throws SQLException {
            if (v == null) {
                ps.setNull(i, Types.VARCHAR);
            } else {
                ps.setString(i, v);
            }
        }

        private void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
            if (v == null) {
                ps.setNull(i, Types.DOUBLE);
            } else {
                ps.setDouble(i, v);
            }
        }

        @Override
        public void close() throws SQLException {
            sessionInsert.close();
            statsInsert.close();
        }
    }
}
