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

    /** @param headers the service's own headers (authentication, a User-Agent with a contact), read on each call */
    public HttpService(ServiceFailures failures, Supplier<Map<String, String>> headers) {
        this.failures = failures;
        this.headers = headers;
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
