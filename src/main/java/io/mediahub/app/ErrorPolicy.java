package io.mediahub.app;

import io.mediahub.common.HttpFailureTranslator;
import io.mediahub.common.HttpSettings;
import io.mediahub.common.RetryAfterDelay;
import java.io.IOException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.OnExceptionDefinition;

/**
 * The error policies of every route, YAML and Java alike. The flow runner is the dead letter of both: a flow's failure
 * travels back to it, and it records the one-line cause in {@code flow_runs} and posts it to the webhook.
 *
 * <ul>
 * <li>{@value #FLOW_POLICY}: nothing is redelivered. For flows that call no service, and for the call routes of a
 * service (such as {@code tmdb-call-api}), whose failure must
 * reach the flow route that called them so that the whole call (throttle included) is redelivered.</li>
 * <li>{@value #HTTP_POLICY}: for flow routes whose external calls are camel-http endpoints. A call that failed with 429,
 * a 5xx or an I/O error (an unreadable body included) is redelivered up to {@code HTTP_MAX_ATTEMPTS} attempts in all,
 * with exponential backoff from {@code HTTP_RETRY_BASE_DELAY}, collision avoidance (jitter) and at most
 * {@code HTTP_RETRY_MAX_DELAY} between two; a server's {@code Retry-After} sets the next wait ({@link RetryAfterDelay}).
 * Every other 4xx fails at once. Each retry is logged at WARN ({@code TMDb GET /genre/movie/list: attempt 1 failed
 * (503 Service Unavailable), retrying}). When Camel gives up, the failure becomes the service's
 * one-line message ({@link HttpFailureTranslator}). Redelivery repeats the failed step only, so a flow calls a
 * service through the service's call route ({@code to: direct:tmdb-call-api}): each attempt then passes the
 * service's {@code throttle} again.</li>
 * </ul>
 */
public class ErrorPolicy extends RouteConfigurationBuilder {
    public static final String FLOW_POLICY = "mediahub-error-policy";
    public static final String HTTP_POLICY = "mediahub-http-policy";

    private final HttpSettings http;
    private final RetryAfterDelay retryAfter;
    private final HttpFailureTranslator translator;

    public ErrorPolicy(HttpSettings http, java.time.Clock clock) {
        this.http = http;
        this.retryAfter = new RetryAfterDelay(http, clock);
        this.translator = new HttpFailureTranslator(http);
    }

    @Override
    public void configuration() {
        routeConfiguration(FLOW_POLICY).errorHandler(noErrorHandler());

        var httpPolicy = routeConfiguration(HTTP_POLICY);
        // Anything else (a store error, a mapper's complaint) fails the flow at once, logged by the flow runner only.
        httpPolicy.errorHandler(defaultErrorHandler().maximumRedeliveries(0).logExhausted(false).logStackTrace(false));
        retried(httpPolicy.onException(HttpOperationFailedException.class)
                .onWhen(e -> isRetryable(e.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, HttpOperationFailedException.class))));
        notRetried(httpPolicy.onException(HttpOperationFailedException.class));
        retried(httpPolicy.onException(IOException.class));
    }

    static boolean isRetryable(HttpOperationFailedException e) {
        return e != null && (e.getStatusCode() == 429 || e.getStatusCode() >= 500);
    }

    private void retried(OnExceptionDefinition on) {
        int attempts = Math.max(1, http.maxAttempts());
        long base = Math.max(1, http.retryBaseDelay().toMillis());
        on.handled(false)
                .maximumRedeliveries(attempts - 1)
                .redeliveryDelay(base)
                .useExponentialBackOff().backOffMultiplier(2)
                .useCollisionAvoidance().collisionAvoidanceFactor(0.25)
                .maximumRedeliveryDelay(Math.max(base, http.retryMaxDelay().toMillis()))
                // Each retry is logged at WARN by RetryAfterDelay, in the words the other clients use; Camel's lines are off.
                .retryAttemptedLogLevel(LoggingLevel.WARN).logRetryAttempted(false).logRetryStackTrace(false)
                .logExhausted(false).logStackTrace(false).logHandled(false)
                .onExceptionOccurred(retryAfter)
                .process(translator);
    }

    private void notRetried(OnExceptionDefinition on) {
        on.handled(false).maximumRedeliveries(0).logExhausted(false).logStackTrace(false).process(translator);
    }
}
