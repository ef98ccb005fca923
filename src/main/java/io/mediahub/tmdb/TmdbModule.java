package io.mediahub.tmdb;

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
        return Map.of("tmdbGenreSync", new TmdbGenreSync(c.settings(), c.store(), c.json(), c.clock()));
    }

    @Override
    public List<Dependency> dependencies(Settings settings, FlowCatalog catalog) {
        return catalog.enabled(TmdbFlows.SYNC_GENRES) ? List.of(new Dependency("tmdb", settings.get("tmdb.api-url") + "/configuration")) : List.of();
    }
}
