package io.mediahub.tmdb;

import io.mediahub.common.HttpService;
import io.mediahub.common.Urls;
import io.mediahub.common.ServiceFailures;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowCatalog;
import io.mediahub.flow.FlowDefinition;
import io.mediahub.flow.MediahubModule;
import java.util.List;
import java.util.Map;

/** TMDb: genre lists (and, later, identification and enrichment). */
public final class TmdbModule implements MediahubModule {
    @Override
    public String routesFolder() {
        return "tmdb";
    }

    @Override
    public List<FlowDefinition> flows() {
        return TmdbFlows.ALL;
    }

    @Override
    public Map<String, Object> beans(Context c) {
        Settings s = c.settings();
        String apiUrl = Urls.stripTrailingSlash(s.get("tmdb.api-url"));
        // The v4 read access token as a Bearer header, read from the settings on each call: it never enters Camel's properties.
        HttpService tmdbApi = new HttpService(new ServiceFailures("TMDb", apiUrl, "TMDB_API_URL", "TMDB_READ_ACCESS_TOKEN"),
                () -> Map.of("Authorization", "Bearer " + s.get("tmdb.read-access-token")));
        return Map.of("tmdbApi", tmdbApi,
                "tmdbGenreListMapper", new TmdbGenreListMapper(apiUrl),
                "tmdbGenreDiff", new TmdbGenreDiff(c.clock()),
                "tmdbGenreRepository", new TmdbGenreRepository(c.store()));
    }

    @Override
    public List<Dependency> dependencies(Settings settings, FlowCatalog catalog) {
        return catalog.enabled(TmdbFlows.SYNC_GENRES) ? List.of(new Dependency("tmdb", settings.get("tmdb.api-url") + "/configuration")) : List.of();
    }
}
