package io.mediahub.arr;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.mediahub.common.ServiceException;
import io.mediahub.common.ServiceFailures;
import java.io.IOException;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * The circuit breaker of one Radarr or Sonarr instance (resilience4j, used by the {@code circuitBreaker} step of its call
 * route, {@code <instance>-call-api}), and that step's fallback.
 *
 * <p>Tuned for a dead service, not a flaky one: resilience4j's defaults (100 calls before it judges) never open at our
 * call rates. Only failures that say the service is down count: a 5xx answer or an I/O error (refused, timed out,
 * broken off); a 4xx or a 429 is an answer from a live service. The breaker opens when every one of at least
 * {@code max(5, HTTP_MAX_ATTEMPTS)} calls failed (each attempt is a call, so one request that exhausted its retries is
 * enough, and its own one-line message is the run's), or when a whole window of twice that failed in a row. Then every
 * later call of the run fails at once, without reaching the service, with {@link Down}:
 * {@code Sonarr at http://… failed 10 calls in a row (last: 503 Service Unavailable) and is not asked again in this run —
 * check SONARR_URL}. Each export run starts with the breaker closed ({@link #reset}), so one run's outage does not
 * fail the next run.
 *
 * <p>The fallback exists because Camel's breaker step reports a failed call wrapped in a {@code RuntimeCamelException};
 * rethrowing the call's own exception lets {@code mediahub-http-policy} see the camel-http failure (its status,
 * Retry-After) and redeliver it.
 */
public final class ArrBreaker implements Processor {
    private final ServiceFailures failures;
    private final CircuitBreaker breaker;
    private volatile String lastFailure = "";

    /** The failure that ends a run once the service is judged down; never retried, never a per-series failure. */
    public static final class Down extends ServiceException {
        Down(String service, String message) {
            super(service, 0, false, message, null);
        }
    }

    public ArrBreaker(String name, ServiceFailures failures, int maxAttempts) {
        this.failures = failures;
        int minimum = Math.max(5, maxAttempts);
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(2 * minimum)
                .minimumNumberOfCalls(minimum)
                .failureRateThreshold(100)
                // open for the rest of the run: the next run resets it
                .waitDurationInOpenState(Duration.ofHours(1))
                .recordException(ArrBreaker::serviceDown)
                .writableStackTraceEnabled(false)
                .build());
    }

    /** The resilience4j breaker, bound for the call route's {@code circuitBreaker} step. */
    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    /** A new run asks the service anew. */
    public void reset() {
        breaker.reset();
        lastFailure = "";
    }

    /** Whether {@code t} (or what it wraps) says the service is down: a 5xx answer or an I/O error. */
    static boolean serviceDown(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpOperationFailedException h) {
                return h.getStatusCode() >= 500;
            }
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The fallback: a call that failed fails with its own exception (Camel put it in {@link Exchange#EXCEPTION_CAUGHT});
     * a call the open breaker did not let through (nothing was caught) fails with {@link Down}.
     */
    @Override
    public void process(Exchange exchange) throws Exception {
        // Camel's breaker marks the exchange handled before it runs a fallback; this one fails, so a doTry further up
        // must still see the failure (a doCatch skips an exchange marked handled)
        exchange.removeProperty(ExchangePropertyKey.EXCEPTION_HANDLED);
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught instanceof Exception e) {
            if (serviceDown(e)) {
                lastFailure = describe(e);
            }
            throw e;
        }
        if (caught instanceof Error e) {
            throw e;
        }
        long failed = breaker.getMetrics().getNumberOfFailedCalls();
        throw new Down(failures.service(), failures.service() + " at " + failures.baseUrl() + " failed " + failed + " calls in a row"
                + (lastFailure.isEmpty() ? "" : " (last: " + lastFailure + ")") + " and is not asked again in this run — check "
                + failures.urlVariable());
    }

    static String describe(Throwable t) {
        if (t instanceof HttpOperationFailedException h) {
            return h.getStatusCode() + " " + ServiceFailures.reasonPhrase(h.getStatusCode());
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
