package io.mediahub.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.HttpSettings;
import io.mediahub.common.JsonHttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TMDb API v3 with the v4 read access token as a Bearer header. */
public final class TmdbClient {
    private final JsonHttpClient http;

    public TmdbClient(String apiUrl, String readAccessToken, HttpSettings settings, ObjectMapper json) {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + readAccessToken);
        this.http = new JsonHttpClient("TMDb", apiUrl, () -> auth, settings, "TMDB_API_URL", "TMDB_READ_ACCESS_TOKEN", json);
    }

    public record Genre(long id, String name) {
    }

    /** {@code /genre/movie/list} or {@code /genre/tv/list}. */
    public List<Genre> genres(String mediaType, String language) {
        JsonNode body = http.get("/genre/" + mediaType + "/list", Map.of("language", language));
        JsonNode list = body.get("genres");
        if (list == null || !list.isArray()) {
            throw new io.mediahub.common.ServiceException("TMDb", "TMDb at " + http.baseUrl() + " answered /genre/" + mediaType
                    + "/list without a genres list");
        }
        List<Genre> out = new ArrayList<>();
        for (JsonNode g : list) {
            if (g.hasNonNull("id") && g.get("id").canConvertToLong() && g.get("id").asLong() > 0 && g.hasNonNull("name")
                    && !g.get("name").asText().isBlank()) {
                out.add(new Genre(g.get("id").asLong(), g.get("name").asText().strip()));
            }
        }
        return out;
    }
}
