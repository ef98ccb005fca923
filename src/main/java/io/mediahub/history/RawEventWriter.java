package io.mediahub.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Writes and reads {@code watch_hist_raw_events}; every statement with bound parameters. */
final class RawEventWriter {

    record RawEvent(long sourceRowId, String userId, String userName, String itemId, String itemType, String itemName, Instant startedAt,
                    String localStartedAt, long playDurationSeconds, String playMethod, String clientName, String deviceName) {
    }

    private RawEventWriter() {
    }

    static long maxRowId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(source_row_id), 0) FROM watch_hist_raw_events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts or replaces (REPLACE works on SQLite and MySQL alike) the events, keyed by source row id. */
    static int write(Connection c, List<RawEvent> events, Instant syncedAt) throws SQLException {
        if (events.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("REPLACE INTO watch_hist_raw_events (source_row_id, user_id, user_name, item_id, "
                + "item_type, item_name, started_at, local_started_at, play_duration_seconds, play_method, client_name, device_name, synced_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            String stamp = syncedAt.toString();
            for (RawEvent e : events) {
                ps.setLong(1, e.sourceRowId());
                ps.setString(2, e.userId());
                setNullable(ps, 3, e.userName());
                ps.setString(4, e.itemId());
                setNullable(ps, 5, e.itemType());
                setNullable(ps, 6, e.itemName());
                ps.setString(7, e.startedAt().toString());
                ps.setString(8, e.localStartedAt());
                ps.setLong(9, e.playDurationSeconds());
                setNullable(ps, 10, e.playMethod());
                setNullable(ps, 11, e.clientName());
                setNullable(ps, 12, e.deviceName());
                ps.setString(13, stamp);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return events.size();
    }

    /**
     * Records the (user, item) pairs of the rows just written as needing a rebuild, in the same transaction, so a run
     * that stops between storing events and rebuilding sessions leaves them for the next run.
     */
    static void markDirty(Connection c, long fromRowId, long toRowId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO watch_hist_dirty_pairs (user_id, item_id) SELECT DISTINCT r.user_id, r.item_id "
                + "FROM watch_hist_raw_events r WHERE r.source_row_id BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM watch_hist_dirty_pairs d "
                + "WHERE d.user_id = r.user_id AND d.item_id = r.item_id)")) {
            ps.setLong(1, fromRowId);
            ps.setLong(2, toRowId);
            ps.executeUpdate();
        }
    }

    private static void setNullable(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    /** After a complete full re-read: the rows the plugin no longer has. */
    static long pruneNotSynced(Connection c, String stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM watch_hist_raw_events WHERE synced_at <> ?")) {
            ps.setString(1, stamp);
            return ps.executeUpdate();
        }
    }

    static long countUnknownUsers(Connection c, long afterRowId, Set<String> knownNormalised) throws SQLException {
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, COUNT(*) FROM watch_hist_raw_events WHERE source_row_id > ? GROUP BY user_id")) {
            ps.setLong(1, afterRowId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!knownNormalised.contains(PlaybackActivityMapper.normaliseId(rs.getString(1)))) {
                        n += rs.getLong(2);
                    }
                }
            }
        }
        return n;
    }

    static long countUnknownItems(Connection c, long afterRowId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM watch_hist_raw_events r WHERE r.source_row_id > ? "
                + "AND NOT EXISTS (SELECT 1 FROM library_items li WHERE li.item_id = r.item_id)")) {
            ps.setLong(1, afterRowId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
