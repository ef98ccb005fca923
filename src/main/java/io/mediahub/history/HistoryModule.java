package io.mediahub.history;

import io.mediahub.config.Settings;
import io.mediahub.flow.FlowCatalog;
import io.mediahub.flow.FlowDefinition;
import io.mediahub.flow.MediahubModule;
import java.util.List;
import java.util.Map;

/**
 * Watch history (sessions, stats) and the genre features behind {@code similar} and {@code recommend}. Its YAML routes
 * live in {@code routes/features/}; {@code emby-sync-history} is an Emby flow by name and sits with the Emby routes in
 * {@code routes/emby/}: it calls the server through the Emby routes ({@code direct:emby-connect-server}, {@code direct:emby-call-api})
 * and this module's beans for the rest.
 */
public final class HistoryModule implements MediahubModule {
    @Override
    public String routesFolder() {
        return "features";
    }

    @Override
    public List<FlowDefinition> flows() {
        return HistoryFlows.ALL;
    }

    @Override
    public Map<String, Object> beans(Context c) {
        return Map.of("watchHistorySync", new WatchHistorySync(c.settings(), c.clock()),
                "rawEventStore", new RawEventStore(c.store()),
                "watchHistoryRebuild", new WatchHistoryRebuild(c.store(), SessionRules.from(c.settings())),
                "genreMatrixBuilder", new GenreMatrixBuild(c.settings(), c.store()));
    }

    @Override
    public List<Dependency> dependencies(Settings settings, FlowCatalog catalog) {
        return catalog.enabled(HistoryFlows.SYNC_HISTORY) ? List.of(new Dependency("emby-history", settings.get("emby.url") + "/System/Info/Public"))
                : List.of();
    }
}
