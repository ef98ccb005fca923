package io.mediahub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahub.intake.parse.ParsedName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Identification with TMDb: movies by {@code /search/movie}, episodes by {@code /search/tv} and then the episode's own
 * details (the original searched everything as a movie).
 *
 * <p>The query is the parsed title after the clean-up ({@link QueryCleaner#clean}); when a search finds nothing, the
 * fallback query ({@link QueryCleaner#fallback}: stray numbers and letters dropped) is tried, then the search again
 * without the year.
 *
 * <p>Confidence rules: a result is a candidate only when its title (or original title) is at least
 * {@link #MIN_SIMILARITY} alike to the query ({@link QueryCleaner#similarity}: equal once normalised, or that share of
 * words in common) and, when the name gives a year, its year is within one of it (release dates differ by country).
 * No candidate: the file is {@code unidentified}, with the best result named in the reason. Several movie candidates
 * and a probed duration: the original's runtime tie-break over the first five (details fetched, closest runtime
 * wins); otherwise TMDb's first candidate.
 */
public class TmdbIdentifier {
    static final double MIN_SIMILARITY = 0.75;
    static final int TIE_BREAK_RESULTS = 5;
    static final int CAST = 10;

    private final TmdbSearchClient tmdb;

    public TmdbIdentifier(TmdbSearchClient tmdb) {
        this.tmdb = tmdb;
    }

    /** The outcome: a match (with TMDb's details) or the reason there is none. */
    public record Match(boolean identified, String method, String reason, String kind, long tmdbId, String imdbId, String title,
                        Integer year, String episodeTitle, String overview, Double rating, List<String> genres, Integer runtime,
                        String director, List<String> cast, String posterPath, String backdropPath, String query) {

        static Match none(String kind, String query, String reason) {
            return new Match(false, "parsed-name", reason, kind, 0, null, null, null, null, null, null, List.of(), null, null, List.of(),
                    null, null, query);
        }
    }

    public static boolean isEpisode(ParsedName p) {
        return "episode".equals(p.type()) || (p.type() == null && p.season() != null && !p.episodes().isEmpty());
    }

    /**
     * @param durationSeconds the probed duration (for the runtime tie-break), or null
     * @param forcedId        a TMDb id the user chose ({@code identify --tmdb ID}), or null
     */
    public Match identify(ParsedName p, Double durationSeconds, Long forcedId) {
        boolean episode = isEpisode(p);
        String kind = episode ? "episode" : "movie";
        if (forcedId != null) {
            return episode ? episodeMatch(p, forcedId, "tmdb-forced", "") : movieMatch(forcedId, null, "tmdb-forced", "");
        }
        String query = QueryCleaner.clean(p.title());
        if (query.isEmpty()) {
            return Match.none(kind, query, "the name gives no title to search TMDb for");
        }
        Integer year = p.year();
        List<JsonNode> results = episode ? searchTv(query, year) : searchMovie(query, year);
        if (results.isEmpty()) {
            return Match.none(kind, query, "TMDb found no " + (episode ? "show" : "movie") + " for '" + query + "'"
                    + (year == null ? "" : " (" + year + ")"));
        }
        List<JsonNode> candidates = new ArrayList<>();
        for (JsonNode r : results) {
            if (confident(r, query, year, episode)) {
                candidates.add(r);
            }
        }
        if (candidates.isEmpty()) {
            JsonNode best = results.get(0);
            return Match.none(kind, query, String.format(Locale.ROOT, "TMDb's best match '%s' (id %d%s) is not close enough to '%s'%s",
                    name(best, episode), best.path("id").asLong(), yearOf(best, episode) == null ? "" : ", " + yearOf(best, episode), query,
                    year == null ? "" : " (" + year + ")"));
        }
        if (episode) {
            return episodeMatch(p, candidates.get(0).path("id").asLong(), "tmdb-tv", query);
        }
        if (candidates.size() > 1 && durationSeconds != null) {
            return runtimeTieBreak(candidates, durationSeconds, query);
        }
        return movieMatch(candidates.get(0).path("id").asLong(), null, "tmdb-movie", query);
    }

    private List<JsonNode> searchMovie(String query, Integer year) {
        List<JsonNode> r = tmdb.searchMovie(query, year);
        String fb = QueryCleaner.fallback(query);
        if (r.isEmpty() && !fb.isEmpty() && !fb.equals(query)) {
            r = tmdb.searchMovie(fb, year);
        }
        if (r.isEmpty() && year != null) {
            r = tmdb.searchMovie(query, null);
        }
        return r;
    }

    private List<JsonNode> searchTv(String query, Integer year) {
        List<JsonNode> r = tmdb.searchTv(query, year);
        String fb = QueryCleaner.fallback(query);
        if (r.isEmpty() && !fb.isEmpty() && !fb.equals(query)) {
            r = tmdb.searchTv(fb, year);
        }
        if (r.isEmpty() && year != null) {
            r = tmdb.searchTv(query, null);
        }
        return r;
    }

    static boolean confident(JsonNode r, String query, Integer year, boolean tv) {
        double sim = Math.max(QueryCleaner.similarity(query, name(r, tv)),
                QueryCleaner.similarity(query, r.path(tv ? "original_name" : "original_title").asText("")));
        if (sim < MIN_SIMILARITY) {
            return false;
        }
        Integer ry = yearOf(r, tv);
        return year == null || ry == null || Math.abs(ry - year) <= 1;
    }

    private static String name(JsonNode r, boolean tv) {
        return r.path(tv ? "name" : "title").asText("");
    }

    static Integer yearOf(JsonNode r, boolean tv) {
        String d = r.path(tv ? "first_air_date" : "release_date").asText("");
        return d.length() >= 4 && d.substring(0, 4).matches("\\d{4}") ? Integer.valueOf(d.substring(0, 4)) : null;
    }

    private Match runtimeTieBreak(List<JsonNode> candidates, double durationSeconds, String query) {
        double minutes = durationSeconds / 60.0;
        JsonNode best = null;
        double bestDiff = Double.MAX_VALUE;
        for (JsonNode c : candidates.subList(0, Math.min(TIE_BREAK_RESULTS, candidates.size()))) {
            JsonNode details = tmdb.movie(c.path("id").asLong());
            if (details == null || !details.hasNonNull("runtime") || details.get("runtime").asInt() <= 0) {
                continue;
            }
            double diff = Math.abs(details.get("runtime").asInt() - minutes);
            if (diff < bestDiff) {
                bestDiff = diff;
                best = details;
            }
        }
        if (best == null) {
            return movieMatch(candidates.get(0).path("id").asLong(), null, "tmdb-movie", query);
        }
        return movieMatch(best.path("id").asLong(), best, "tmdb-movie-runtime", query);
    }

    private Match movieMatch(long id, JsonNode fetched, String method, String query) {
        JsonNode m = fetched != null && fetched.has("credits") ? fetched : tmdb.movie(id);
        if (m == null) {
            return Match.none("movie", query, "TMDb has no movie with id " + id);
        }
        return new Match(true, method, null, "movie", id, text(m, "imdb_id"), text(m, "title"), yearOf(m, false), null,
                text(m, "overview"), m.hasNonNull("vote_average") ? m.get("vote_average").asDouble() : null, genres(m),
                m.hasNonNull("runtime") && m.get("runtime").asInt() > 0 ? m.get("runtime").asInt() : null, director(m), cast(m),
                text(m, "poster_path"), text(m, "backdrop_path"), query);
    }

    private Match episodeMatch(ParsedName p, long showId, String method, String query) {
        JsonNode show = tmdb.tv(showId);
        if (show == null) {
            return Match.none("episode", query, "TMDb has no show with id " + showId);
        }
        int season = p.season() == null ? 1 : p.season();
        List<Integer> eps = p.episodes();
        String episodeTitle = p.episodeTitle();
        String overview = text(show, "overview");
        Double rating = show.hasNonNull("vote_average") ? show.get("vote_average").asDouble() : null;
        Integer runtime = null;
        String director = director(show);
        if (!eps.isEmpty()) {
            JsonNode ep = tmdb.episode(showId, season, eps.get(0));
            if (ep != null) {
                episodeTitle = text(ep, "name") != null ? text(ep, "name") : episodeTitle;
                overview = text(ep, "overview") != null ? text(ep, "overview") : overview;
                rating = ep.hasNonNull("vote_average") ? ep.get("vote_average").asDouble() : rating;
                runtime = ep.hasNonNull("runtime") ? ep.get("runtime").asInt() : null;
                String d = director(ep);
                director = d != null ? d : director;
            }
        }
        String imdb = text(show.path("external_ids"), "imdb_id");
        return new Match(true, method, null, "episode", showId, imdb, text(show, "name"), yearOf(show, true), episodeTitle, overview,
                rating, genres(show), runtime, director, cast(show), text(show, "poster_path"), text(show, "backdrop_path"), query);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
    }

    private static List<String> genres(JsonNode m) {
        List<String> out = new ArrayList<>();
        m.path("genres").forEach(g -> {
            if (g.hasNonNull("name")) {
                out.add(g.get("name").asText());
            }
        });
        return out;
    }

    private static String director(JsonNode m) {
        JsonNode crew = m.has("credits") ? m.path("credits").path("crew") : m.path("crew");
        for (JsonNode c : crew) {
            if ("Director".equals(c.path("job").asText())) {
                return c.path("name").asText(null);
            }
        }
        return null;
    }

    private static List<String> cast(JsonNode m) {
        List<JsonNode> cast = new ArrayList<>();
        m.path("credits").path("cast").forEach(cast::add);
        cast.sort(Comparator.comparingInt(c -> c.path("order").asInt(Integer.MAX_VALUE)));
        return cast.stream().limit(CAST).map(c -> c.path("name").asText()).filter(s -> !s.isBlank()).toList();
    }
}
