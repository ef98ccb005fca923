package io.mediahub.tmdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahub.common.Urls;
import io.mediahub.common.ServiceException;
import java.util.ArrayList;
import java.util.List;

/**
 * TMDb's answer to {@code /genre/{movie|tv}/list} as genres: only entries with a positive id and a name (stripped), so a
 * TMDb id is always positive and can never be a stable id. An answer without a {@code genres} array fails the run.
 */
public final class TmdbGenreListMapper {
    private final String baseUrl;

    /** @param baseUrl TMDb's base URL, for the error line */
    public TmdbGenreListMapper(String baseUrl) {
        this.baseUrl = Urls.stripTrailingSlash(baseUrl);
    }

    public List<TmdbGenre> genres(JsonNode body, String mediaType) {
        JsonNode list = body == null ? null : body.get("genres");
        if (list == null || !list.isArray()) {
            throw new ServiceException("TMDb", "TMDb at " + baseUrl + " answered /genre/" + mediaType + "/list without a genres list");
        }
        List<TmdbGenre> out = new ArrayList<>();
        for (JsonNode g : list) {
            if (g.hasNonNull("id") && g.get("id").canConvertToLong() && g.get("id").asLong() > 0 && g.hasNonNull("name")
                    && !g.get("name").asText().isBlank()) {
                out.add(new TmdbGenre(g.get("id").asLong(), g.get("name").asText().strip()));
            }
        }
        return out;
    }
}
