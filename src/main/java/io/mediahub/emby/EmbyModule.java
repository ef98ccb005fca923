package io.mediahub.emby;

import io.mediahub.config.Settings;
import io.mediahub.flow.FlowCatalog;
import io.mediahub.flow.FlowDefinition;
import io.mediahub.flow.MediahubModule;
import java.util.List;
import java.util.Map;

/** Emby/Jellyfin: the library sync, and the library refresh the intake asks for after filing. */
public final class EmbyModule implements MediahubModule {
    @Override
    public String routesFolder() {
        return "emby";
    }

    @Override
    public List<FlowDefinition> flows() {
        return EmbyFlows.ALL;
    }

    @Override
    public Map<String, Object> beans(Context c) {
        return Map.of("embyLibrarySync", new EmbyLibrarySync(c.settings(), new LibraryRepository(c.store(), c.json()), c.json(), c.clock()),
                "embyLibraryRefresh", new EmbyLibraryRefresh(c.settings(), c.store(), c.json()));
    }

    @Override
    public List<Dependency> dependencies(Settings settings, FlowCatalog catalog) {
        return catalog.enabled(EmbyFlows.SYNC_LIBRARY) ? List.of(new Dependency("emby", settings.get("emby.url") + "/System/Info/Public")) : List.of();
    }
}
