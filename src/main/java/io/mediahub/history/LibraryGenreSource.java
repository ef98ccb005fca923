package io.mediahub.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
     * The statement of {@link #stamp}, beside the flow's route ({@code routes/features/library-genre-stamp.sql}), which
     * reads it with camel-sql: counts and the newest {@code synced_at} of the items, the count and total name length of
     * their genres, and the latest {@code emby-sync-library} run.
     */
    public static final String STAMP_QUERY = "routes/features/library-genre-stamp.sql";
    private static final String STAMP_SQL = stampSql();

    private static String stampSql() {
        try (InputStream in = LibraryGenreSource.class.getClassLoader().getResourceAsStream(STAMP_QUERY)) {
            if (in == null) {
                throw new IllegalStateException(STAMP_QUERY + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "").trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stamp ({@link #stampOf}) of the row {@link #STAMP_QUERY} gives. The library sync writes {@code synced_at} on
     * every row it inserts or changes; a run that ends changes the run part, so the rows are read again once after every
     * sync.
     */
    @Override
    public String stamp(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(STAMP_SQL)) {
            if (!rs.next()) {
                return null;
            }
            Map<String, Object> row = new HashMap<>();
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
            }
            return stamp(row);
        }
    }

    /**
     * The stamp from the statement's one row (column names in any case): null while an {@code emby-sync-library} run is
     * going (its batches share one {@code synced_at}, so a change in a later batch would not move the newest).
     */
    @Override
    public String stamp(Map<String, Object> row) {
        if (row == null || row.isEmpty()) {
            return null;
        }
        Map<String, Object> r = new HashMap<>();
        row.forEach((k, v) -> r.put(k.toLowerCase(Locale.ROOT), v));
        if (number(r.get("library_syncs_running")) > 0) {
            return null;
        }
        return "library:" + number(r.get("items")) + ":" + r.get("newest_synced_at") + ":" + number(r.get("genres")) + ":"
                + number(r.get("genre_name_length")) + ":" + number(r.get("last_library_sync"));
    }

    private static long number(Object v) {
        return v == null ? 0 : v instanceof Number n ? n.longValue() : Long.parseLong(v.toString());
    }

    private static Row row(Object[] h, List<String> genres) {
        return new Row((String) h[0], (String) h[1], (String) h[2], (String) h[3], (Integer) h[4], (Integer) h[5], (Integer) h[6], List.copyOf(genres));
    }

    private static Integer intOrNull(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }
}
