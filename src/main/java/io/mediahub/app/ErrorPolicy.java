package io.mediahub.app;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The one error policy for YAML and Java routes alike. Transient HTTP failures (429, 5xx, I/O) are retried where they
 * happen, per call, by the service clients (backoff, jitter, Retry-After), so a page is retried rather than a whole
 * flow; a flow's route therefore does not redeliver. Its failure travels back to the flow runner, which is the
 * dead letter: it records the failure in {@code flow_runs} with the one-line cause and posts it to the webhook.
 */
public class ErrorPolicy extends RouteConfigurationBuilder {
    @Override
    public void configuration() {
        routeConfiguration("mediahub-error-policy").errorHandler(noErrorHandler());
    }
}
