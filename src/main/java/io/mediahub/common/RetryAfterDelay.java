package io.mediahub.common;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Honours a server's {@code Retry-After} inside Camel's redelivery: run as {@code onExceptionOccurred} (before Camel
 * works out the next delay; {@code onRedelivery} would run after the wait), it sets {@link Exchange#REDELIVERY_DELAY}
 * for the next attempt. The wait is the longer of the server's and the computed backoff
 * ({@code HTTP_RETRY_BASE_DELAY} doubled per attempt), lengthened by up to 25 % of jitter and capped by
 * {@code HTTP_RETRY_MAX_DELAY}: jitter never shortens a server-given wait. Without a {@code Retry-After} the header is
 * cleared and Camel's own exponential backoff with collision avoidance applies. It also logs each retry at WARN, in
 * the words users know from the first versions ({@code TMDb GET /genre/movie/list: attempt 1 failed (503 Service Unavailable),
 * retrying}); Camel's own retry lines are off.
 */
public final class RetryAfterDelay implements Processor {
    static final double JITTER = 0.25;
    private static final Logger LOG = LoggerFactory.getLogger(RetryAfterDelay.class);

    private final HttpSettings settings;
    private final Clock clock;
    private final DoubleSupplier random;

    public RetryAfterDelay(HttpSettings settings, Clock clock) {
        this(settings, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryAfterDelay(HttpSettings settings, Clock clock, DoubleSupplier random) {
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        int attempt = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught instanceof HttpOperationFailedException h) {
            RetryAfter.find(h.getResponseHeaders(), clock)
                    .ifPresent(server -> exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, delay(server, attempt).toMillis()));
        }
        int retries = exchange.getIn().getHeader(Exchange.REDELIVERY_MAX_COUNTER, 0, Integer.class);
        HttpService service = exchange.getProperty(HttpService.PROPERTY, HttpService.class);
        if (caught != null && attempt <= retries) {
            LOG.warn("{} {} {}: attempt {} failed ({}), retrying", service == null ? "a service" : service.failures().service(),
                    exchange.getVariable(HttpService.METHOD_VARIABLE, "GET", String.class),
                    exchange.getVariable(HttpService.PATH_VARIABLE, "", String.class), attempt, describe(caught));
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof HttpOperationFailedException h) {
            return h.getStatusCode() + " " + ServiceFailures.reasonPhrase(h.getStatusCode());
        }
        return ServiceFailures.describe(t);
    }

    /** The wait before retry number {@code attempt} (1 = the first retry) when the server asked for {@code server}. */
    Duration delay(Duration server, int attempt) {
        long base = settings.retryBaseDelay().toMillis();
        long backoff = base << Math.min(Math.max(0, attempt - 1), 30);
        long longer = Math.max(server.toMillis(), backoff);
        long jittered = longer + Math.round(longer * JITTER * random.getAsDouble());
        return Duration.ofMillis(Math.min(jittered, settings.retryMaxDelay().toMillis()));
    }
}
