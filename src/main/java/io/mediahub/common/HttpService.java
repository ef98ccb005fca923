package io.mediahub.common;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * One external service as its camel-http calls see it: the step of a service's call route that sets its
 * authentication headers from the settings (so a secret never enters Camel's properties, a route file or a URI), and
 * names the service on the exchange so that a failed call ends as the service's one-line {@link ServiceException}
 * ({@link HttpFailureTranslator}). Bound per service ({@code tmdbApi}) and used as {@code process: {ref: tmdbApi}}
 * right after {@code removeHeaders}.
 */
public final class HttpService implements Processor {
    /** Exchange property naming the service the current call goes to. */
    public static final String PROPERTY = "mediahub.http-service";
    /** Variable holding the path of the current call (below the base URL), for the error line. */
    public static final String PATH_VARIABLE = "httpPath";
    /** Variable naming the method of the current call when it is not GET, for the retry lines. */
    public static final String METHOD_VARIABLE = "httpMethod";

    private final ServiceFailures failures;
    private final Supplier<Map<String, String>> headers;
    private final java.time.Duration readTimeout;

    /** @param headers the service's own headers (authentication, a User-Agent with a contact), read on each call */
    public HttpService(ServiceFailures failures, Supplier<Map<String, String>> headers) {
        this(failures, headers, null);
    }

    /**
     * @param readTimeout the answer time-out the service's endpoint sets itself ({@code responseTimeout}), when it is not
     *                    {@code HTTP_READ_TIMEOUT}: named in the message of a call that timed out
     */
    public HttpService(ServiceFailures failures, Supplier<Map<String, String>> headers, java.time.Duration readTimeout) {
        this.failures = failures;
        this.headers = headers;
        this.readTimeout = readTimeout;
    }

    /** The service's own answer time-out, when its endpoint sets one. */
    public java.util.Optional<java.time.Duration> readTimeout() {
        return java.util.Optional.ofNullable(readTimeout);
    }

    public ServiceFailures failures() {
        return failures;
    }

    @Override
    public void process(Exchange exchange) {
        var in = exchange.getIn();
        in.setHeader("Accept", "application/json");
        in.setHeader("User-Agent", "Mediahub");
        headers.get().forEach(in::setHeader);
        exchange.setProperty(PROPERTY, this);
    }

    /** Never shows a header: they hold secrets. */
    @Override
    public String toString() {
        return "HttpService[" + failures.service() + " at " + failures.baseUrl() + "]";
    }
}
