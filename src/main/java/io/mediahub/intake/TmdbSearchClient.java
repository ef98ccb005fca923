package io.mediahub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahub.common.ServiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intake's own TMDb calls (search, details with credits, episode details), one run's worth: each goes to
 * {@code direct:intake-ask-tmdb} (routes/intake/intake-ask-tmdb.camel.yaml), which retries it under
 * {@code mediahub-http-policy} through {@code tmdb-call-api}: the read access token as a Bearer header, TMDb's one
 * shared rate limit, the answer as JSON.
 */
public class TmdbSearchClient {
    private final IntakeCalls.RunCalls http;
    private final String language;

    public TmdbSearchClient(IntakeCalls calls, String language) {
        this.http = new IntakeCalls.RunCalls(calls, IntakeCalls.TMDB);
        this.language = language;
    }

    private JsonNode get(String path, Map<String, ?> query) {
        return http.call(Map.of("httpPath", path, "httpQuery", io.mediahub.common.Urls.query(query)), null);
    }

    /** {@code /search/movie}: results in TMDb's order. */
    public List<JsonNode> searchMovie(String query, Integer year) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("query", query);
        q.put("include_adult", "false");
        q.put("language", language);
        if (year != null) {
            q.put("year", year);
        }
        return results(get("/search/movie", q));
    }

    /** {@code /search/tv}: results in TMDb's order. */
    public List<JsonNode> searchTv(String query, Integer firstAirYear) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("query", query);
        q.put("include_adult", "false");
        q.put("language", language);
        if (firstAirYear != null) {
            q.put("first_air_date_year", firstAirYear);
        }
        return results(get("/search/tv", q));
    }

    /** {@code /movie/{id}} with credits; null when TMDb has no such movie. */
    public JsonNode movie(long id) {
        return orNull(() -> get("/movie/" + id, Map.of("append_to_response", "credits", "language", language)));
    }

    /** {@code /tv/{id}} with credits and external ids; null when TMDb has no such show. */
    public JsonNode tv(long id) {
        return orNull(() -> get("/tv/" + id, Map.of("append_to_response", "credits,external_ids", "language", language)));
    }

    /** {@code /tv/{id}/season/{s}/episode/{e}}; null when TMDb has no such episode. */
    public JsonNode episode(long tvId, int season, int episode) {
        return orNull(() -> get("/tv/" + tvId + "/season/" + season + "/episode/" + episode, Map.of("language", language)));
    }

    private static JsonNode orNull(java.util.function.Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static List<JsonNode> results(JsonNode body) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode r = body.path("results");
        if (r.isArray()) {
            r.forEach(out::add);
        }
        return out;
    }
}
