package io.mediahub.arr;

import io.mediahub.config.Settings;
import io.mediahub.flow.FlowCatalog;
import io.mediahub.flow.MediahubModule;
import io.mediahub.flow.FlowDefinition;
import io.mediahub.common.HttpService;
import io.mediahub.common.HttpSettings;
import io.mediahub.common.ServiceFailures;
import java.util.ArrayList;
import java.util.HashMap;
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
        Settings s = c.settings();
        ArrRepository repository = new ArrRepository(c.store(), c.json());
        Map<String, Object> beans = new HashMap<>();
        ArrScoreExport export = new ArrScoreExport(s, repository, c.json(), c.clock());
        beans.put("arrScoreExport", export);
        beans.put("arrReports", new ArrReports(s, repository, c.json(), c.clock()));
        beans.put("arrAnswerReader", new ArrAnswerReader(c.json()));
        beans.put("arrCallGuard", new ArrCallGuard());
        int maxAttempts = HttpSettings.from(s).maxAttempts();
        List<ArrRoutes.Target> targets = targets(s);
        for (ArrInstance i : ArrInstance.all(s)) {
            ArrRoutes.Target t = targets.stream().filter(x -> x.instance().equals(i)).findFirst().orElse(null);
            ServiceFailures failures = new ServiceFailures(i.displayName(), t == null ? "" : t.baseUrl(), i.urlVariable(), i.apiKeyVariable());
            // every flow route resets its instance's breaker at the start of a run, configured or not
            ArrBreaker breaker = new ArrBreaker(i.id() + "-call-api", failures, maxAttempts);
            beans.put(i.id() + "-breaker", breaker);
            beans.put(i.id() + "-circuit-breaker", breaker.circuitBreaker());
            if (t != null) {
                // X-Api-Key read from the settings on each call: it never enters Camel's properties or a URI
                beans.put(i.id() + "-api", new HttpService(failures, () -> Map.of("X-Api-Key", s.get(i.apiKeyKey())),
                        java.time.Duration.ofMillis(t.readTimeoutMillis())));
            }
        }
        return beans;
    }

    /** The instances whose URL is set: only they get the routes that call the service. */
    static List<ArrRoutes.Target> targets(Settings s) {
        long readTimeout = s.getDuration("arr.read-timeout").toMillis();
        List<ArrRoutes.Target> out = new ArrayList<>();
        for (ArrInstance i : ArrInstance.all(s)) {
            s.find(i.urlKey()).ifPresent(url -> out.add(new ArrRoutes.Target(i, url.trim().replaceAll("/+$", ""), readTimeout)));
        }
        return out;
    }

    @Override
    public List<RoutesBuilder> routes(Context context) {
        Settings s = context.settings();
        return List.of(new ArrRoutes(ArrInstance.all(s), targets(s), s.getDouble("arr.rate-limit"), s.getInt("arr.workers")));
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
