package io.mediahub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.HttpSettings;
import io.mediahub.common.JsonHttpClient;
import io.mediahub.common.ServiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The intake's own TMDb calls (search, details with credits, episode details), with the v4 token as a Bearer header. */
public class TmdbSearchClient {
    private final JsonHttpClient http;
    private final String language;

    public TmdbSearchClient(String apiUrl, String token, String language, HttpSettings settings, ObjectMapper json) {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        this.http = new JsonHttpClient("TMDb", apiUrl, () -> auth, settings, "TMDB_API_URL", "TMDB_READ_ACCESS_TOKEN", json)
                .giveUpWhenUnreachable();
        this.language = language;
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
        return results(http.get("/search/movie", q));
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
        return results(http.get("/search/tv", q));
    }

    /** {@code /movie/{id}} with credits; null when TMDb has no such movie. */
    public JsonNode movie(long id) {
        return orNull(() -> http.get("/movie/" + id, Map.of("append_to_response", "credits", "language", language)));
    }

    /** {@code /tv/{id}} with credits and external ids; null when TMDb has no such show. */
    public JsonNode tv(long id) {
        return orNull(() -> http.get("/tv/" + id, Map.of("append_to_response", "credits,external_ids", "language", language)));
    }

    /** {@code /tv/{id}/season/{s}/episode/{e}}; null when TMDb has no such episode. */
    public JsonNode episode(long tvId, int season, int episode) {
        return orNull(() -> http.get("/tv/" + tvId + "/season/" + season + "/episode/" + episode, Map.of("language", language)));
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
