package io.mediahub.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.component.direct.DirectConsumer;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.EndpointHelper;
import org.apache.camel.util.StringHelper;

/**
 * For a command that runs one flow and exits: the {@code direct:} routes are created and started when something first
 * sends to them (the flow runner, a flow's {@code to: direct:…}, a bean's producer template), not when Camel starts. A
 * command then builds only the routes its flow uses, not every flow's HTTP endpoints and SQL statements.
 *
 * <p>It is Camel's direct component with one addition: before Camel creates the routes, every route that starts from
 * {@code direct:} (and was not made from a route template) is taken out of the model and kept here; when a producer
 * asks for the consumer of such an endpoint, the route is added back, which creates and starts it on a started
 * context, and the call goes on as usual. Routes that start by themselves (timers, files, Quartz) start with Camel.
 * The container does not use it: it starts every route up front, for its health checks and schedules.
 */
final class RoutesOnFirstUse extends DirectComponent {
    private final Map<String, RouteDefinition> waiting = new ConcurrentHashMap<>();
    private volatile Model model;

    /** Takes the {@code direct:} routes out of the context's model (call it after the routes are configured, before start). */
    void defer(CamelContext context) {
        Model m = context.getCamelContextExtension().getContextPlugin(Model.class);
        List<RouteDefinition> later = new ArrayList<>();
        for (RouteDefinition r : m.getRouteDefinitions()) {
            if (Boolean.TRUE.equals(r.isTemplate()) || r.getRouteTemplateContext() != null || r.getInput() == null) {
                continue;
            }
            String uri = r.getInput().getEndpointUri();
            if (uri == null || !uri.startsWith("direct:")) {
                continue;
            }
            String key = key(context, uri);
            if (key != null && waiting.putIfAbsent(key, r) == null) {
                later.add(r);
            }
        }
        model = m;
        try {
            m.removeRouteDefinitions(later);
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeException(e);
        }
    }

    /** The direct endpoint's key as {@code DirectEndpoint} has it: the normalised URI before its options. */
    private static String key(CamelContext context, String uri) {
        try {
            String normalised = EndpointHelper.normalizeEndpointUri(context.resolvePropertyPlaceholders(uri));
            return StringHelper.before(normalised, "?", normalised);
        } catch (RuntimeException e) {
            return null; // left to start with Camel, as every route does without this component
        }
    }

    /** The names of the routes not created yet (for tests and the debug log). */
    List<String> waitingRouteIds() {
        return waiting.values().stream().map(RouteDefinition::getRouteId).sorted().toList();
    }

    @Override
    protected DirectConsumer getConsumer(String key, boolean block, long timeout) throws InterruptedException {
        if (!waiting.isEmpty() && waiting.containsKey(key)) {
            start(key);
        }
        return super.getConsumer(key, block, timeout);
    }

    private synchronized void start(String key) {
        RouteDefinition r = waiting.get(key);
        if (r == null) {
            return;
        }
        try {
            model.addRouteDefinition(r);
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeException(e);
        } finally {
            waiting.remove(key);
        }
    }
}
