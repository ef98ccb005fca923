package io.mediahub.arr;

import io.mediahub.config.Settings;
import io.mediahub.flow.FlowCatalog;
import io.mediahub.flow.MediahubModule;
import io.mediahub.flow.FlowDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;

/** Radarr and Sonarr: custom-format scores, their history, the analysis and the reports. */
public final class ArrModule implements MediahubModule {
    @Override
    public String routesFolder() {
        return "arr";
    }

    @Override
    public List<FlowDefinition> flows() {
        return ArrFlows.ALL;
    }

    /** One flow per instance: {@code radarr-export-scores}, then {@code radarr-<name>-export-scores} for each named one. */
    @Override
    public List<FlowDefinition> flows(Settings settings) {
        return ArrInstance.all(settings).stream().map(ArrInstance::flow).toList();
    }

    @Override
    public Map<String, Object> beans(Context c) {
        ArrRepository repository = new ArrRepository(c.store(), c.json());
        return Map.of("arrScoreExport", new ArrScoreExport(c.settings(), repository, c.json(), c.clock()),
                "radarrLister", new RadarrLister(),
                "sonarrLister", new SonarrLister(c.settings().getInt("arr.workers")),
                "arrReports", new ArrReports(c.settings(), repository, c.json(), c.clock()));
    }

    @Override
    public List<RoutesBuilder> routes(Context context) {
        return List.of(new ArrRoutes(ArrInstance.all(context.settings())));
    }

    @Override
    public List<Dependency> dependencies(Settings settings, FlowCatalog catalog) {
        List<Dependency> out = new ArrayList<>();
        for (ArrInstance i : ArrInstance.all(settings)) {
            if (catalog.enabled(i.flow())) {
                out.add(new Dependency(i.id(), settings.get(i.urlKey()) + "/ping"));
            }
        }
        return out;
    }
}
