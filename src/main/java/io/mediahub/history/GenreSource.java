package io.mediahub.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the genre matrix gets its rows: every item with its genres. The library (Emby/Jellyfin genres) today; the
 * EMBRACE scripts used IMDb genres, which would be another source under {@code FEATURES_GENRE_SOURCE}.
 */
public interface GenreSource {

    /** One item and its genres. {@code seriesId} is set for episodes; season/episode/year may be null. */
    record Row(String itemId, String name, String itemType, String seriesId, Integer season, Integer episode, Integer year, List<String> genres) {
    }

    String name();

    /** Every row, in item id order (the content hash depends on the order). */
    void read(Connection c, Consumer<Row> out) throws SQLException;

    /**
     * A cheap summary of the source that changes whenever {@link #read} would give other rows, so a query can trust the
     * cached matrix without reading (and hashing) every row; null when the source cannot tell (then the rows are read).
     */
    default String stamp(Connection c) throws SQLException {
        return null;
    }

    /** The stamp from the row of the source's stamp statement, as the flow's route reads it; null when the source cannot tell. */
    default String stamp(java.util.Map<String, Object> row) {
        return null;
    }

    static GenreSource named(String name) {
        if ("library".equalsIgnoreCase(name.trim())) {
            return new LibraryGenreSource();
        }
        throw new IllegalArgumentException("FEATURES_GENRE_SOURCE=" + name + " is not a genre source; known: library");
    }
}
