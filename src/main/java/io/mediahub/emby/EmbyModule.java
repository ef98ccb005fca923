package io.mediahub.emby;

import io.mediahub.config.Settings;
import io.mediahub.flow.FlowCatalog;
import io.mediahub.flow.FlowDefinition;
import io.mediahub.flow.MediahubModule;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;

/**
 * Emby/Jellyfin: the call route (emby-call-api, emby-connect-server, emby-list-users), the library sync, and the library
 * refresh the intake asks for after filing.
 */
public final class EmbyModule implements MediahubModule {
    @Override
    public String routesFolder() {
        return "emby";
    }

    @Override
    public List<FlowDefinition> flows() {
        return EmbyFlows.ALL;
    }

    /** The refresh sends to its route from Java (the intake's bean step, {@code identify}): it needs the Camel context. */
    private EmbyLibraryRefresh refresh;

    @Override
    public Map<String, Object> beans(Context c) {
        refresh = new EmbyLibraryRefresh(c.settings(), c.store());
        return Map.of("embyApi", new EmbyApi(c.settings()),
                "embyServerLists", new ServerListMapper(),
                "libraryItemMapper", new LibraryItemMapper(),
                "embyLibrarySync", new EmbyLibrarySync(c.settings(), c.clock()),
                "libraryRepository", new LibraryRepository(c.store(), c.json()),
                "embyLibraryRefresh", refresh);
    }

    /** No routes of its own (they are YAML): hands the Camel context to the library refresh once it exists. */
    @Override
    public List<RoutesBuilder> routes(Context c) {
        EmbyLibraryRefresh r = refresh;
        return r == null ? List.of() : List.of(new RouteBuilder() {
            @Override
            public void configure() {
                r.setCamelContext(getContext());
            }
        });
    }

    @Override
    public List<Dependency> dependencies(Settings settings, FlowCatalog catalog) {
        return catalog.enabled(EmbyFlows.SYNC_LIBRARY) ? List.of(new Dependency("emby", settings.get("emby.url") + "/System/Info/Public")) : List.of();
    }
}
