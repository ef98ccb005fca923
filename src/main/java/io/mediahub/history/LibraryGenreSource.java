package io.mediahub.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Genres from the library sync: {@code library_items} with {@code item_genres}, one pass in item id order. */
public final class LibraryGenreSource implements GenreSource {
    @Override
    public String name() {
        return "library";
    }

    @Override
    public void read(Connection c, Consumer<Row> out) throws SQLException {
        String sql = "SELECT li.item_id, li.name, li.item_type, li.series_id, li.season_number, li.episode_number, li.production_year, g.genre_name "
                + "FROM library_items li LEFT JOIN item_genres g ON g.item_id = li.item_id ORDER BY li.item_id, g.genre_name";
        try (Statement s = c.createStatement()) {
            s.setFetchSize(2_000);
            try (ResultSet rs = s.executeQuery(sql)) {
                String current = null;
                Object[] head = null;
                List<String> genres = new ArrayList<>();
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (!id.equals(current)) {
                        if (current != null) {
                            out.accept(row(head, genres));
                        }
                        current = id;
                        head = new Object[] {id, rs.getString(2), rs.getString(3), rs.getString(4), intOrNull(rs, 5), intOrNull(rs, 6), intOrNull(rs, 7)};
                        genres = new ArrayList<>();
                    }
                    String g = rs.getString(8);
                    if (g != null && !genres.contains(g)) {
                        genres.add(g);
                    }
                }
                if (current != null) {
                    out.accept(row(head, genres));
                }
            }
        }
    }

    /**
     * Counts and the newest {@code synced_at} of the items, the count and total name length of their genres, and the
     * latest {@code emby-sync-library} run — null while one is running (its batches share one {@code synced_at}, so a
     * change in a later batch would not move the newest). The library sync writes {@code synced_at} on every row it
     * inserts or changes; a run that ends changes the run part, so the rows are read again once after every sync.
     */
    @Override
    public String stamp(Connection c) throws SQLException {
        String sql = "SELECT (SELECT COUNT(*) FROM library_items), (SELECT MAX(synced_at) FROM library_items), "
                + "(SELECT COUNT(*) FROM item_genres), (SELECT COALESCE(SUM(LENGTH(genre_name)), 0) FROM item_genres), "
                + "(SELECT COALESCE(MAX(run_id), 0) FROM flow_runs WHERE flow_id = 'emby-sync-library'), "
                + "(SELECT COUNT(*) FROM flow_runs WHERE flow_id = 'emby-sync-library' AND status = 'running')";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next() || rs.getLong(6) > 0) {
                return null;
            }
            return "library:" + rs.getLong(1) + ":" + rs.getString(2) + ":" + rs.getLong(3) + ":" + rs.getLong(4) + ":" + rs.getLong(5);
        }
    }

    private static Row row(Object[] h, List<String> genres) {
        return new Row((String) h[0], (String) h[1], (String) h[2], (String) h[3], (Integer) h[4], (Integer) h[5], (Integer) h[6], List.copyOf(genres));
    }

    private static Integer intOrNull(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }
}
