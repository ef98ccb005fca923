package io.mediahub.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a genre name its id for one item (the rule is in {@link GenreIds}): the TMDb id of the same normalised name,
 * looking in the item's own media type first (movies: movie genres, everything else: TV genres), else the stable id.
 */
public final class GenreResolver {
    private final Map<String, Long> movie;
    private final Map<String, Long> tv;
    /** Ids already worked out, per (movie?, name): a library has a few dozen genre names and many thousand items. */
    private final Map<String, Long> resolved = new java.util.concurrent.ConcurrentHashMap<>();

    public GenreResolver(Map<String, Long> movieByNormalisedName, Map<String, Long> tvByNormalisedName) {
        this.movie = Map.copyOf(movieByNormalisedName);
        this.tv = Map.copyOf(tvByNormalisedName);
    }

    /** Reads {@code tmdb_genres} (empty before the first genre sync: then every genre gets its stable id). */
    public static GenreResolver load(Connection c) throws SQLException {
        Map<String, Long> movie = new HashMap<>();
        Map<String, Long> tv = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT genre_id, name, media_type FROM tmdb_genres")) {
            while (rs.next()) {
                ("movie".equals(rs.getString(3)) ? movie : tv).putIfAbsent(GenreIds.normalise(rs.getString(2)), rs.getLong(1));
            }
        }
        return new GenreResolver(movie, tv);
    }

    public long idFor(String genreName, boolean movieItem) {
        return resolved.computeIfAbsent((movieItem ? "m:" : "t:") + genreName, k -> resolve(genreName, movieItem));
    }

    private long resolve(String genreName, boolean movieItem) {
        String n = GenreIds.normalise(genreName);
        Long id = movieItem ? movie.getOrDefault(n, tv.get(n)) : tv.getOrDefault(n, movie.get(n));
        return id != null ? id : GenreIds.stableId(genreName);
    }
}
