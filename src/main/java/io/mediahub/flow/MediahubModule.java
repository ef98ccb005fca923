package io.mediahub.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.config.Settings;
import io.mediahub.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;

/**
 * One domain (emby, tmdb, backup, …) as the application sees it: its flows, the beans its YAML routes call by name,
 * its Java routes, the folder of its YAML routes, and the services it depends on for readiness. The application
 * lists the modules; a domain never needs to touch another's code to plug in.
 */
public interface MediahubModule {

    /** What a module is built from. {@code container} is true in the long-running container (not in one-shot runs). */
    record Context(Settings settings, Store store, ObjectMapper json, Clock clock, boolean container) {
    }

    /** A service to probe for readiness (an unauthenticated URL that answers when the service is up). */
    record Dependency(String name, String url) {
    }

    /** The module's folder under {@code routes/} (its YAML routes). */
    String routesFolder();

    /** The module's flows, in the order {@code flows} lists them. */
    List<FlowDefinition> flows();

    /** The flows with these settings: more than {@link #flows()} where settings add instances (a second Radarr). */
    default List<FlowDefinition> flows(Settings settings) {
        return flows();
    }

    /** Beans bound by name for the YAML routes. */
    Map<String, Object> beans(Context context);

    /** Java routes (route templates, pollers, consumers that are not flows). */
    default List<RoutesBuilder> routes(Context context) {
        return List.of();
    }

    /** Services this module needs, for the readiness check; only those of enabled flows are asked for. */
    default List<Dependency> dependencies(Settings settings, FlowCatalog catalog) {
        return List.of();
    }

    /**
     * Environment variables this module reads besides its settings in application.properties, as patterns where
     * {@code *} stands for a name part ({@code RADARR_*_URL}): they are not warned about as unknown settings.
     */
    default List<String> variablePatterns() {
        return List.of();
    }

    /** Called once the catalog exists: a module may keep a flow off the schedule with a reason ({@link FlowCatalog#markUnavailable}). */
    default void adjust(FlowCatalog catalog, Store store) {
    }
}
