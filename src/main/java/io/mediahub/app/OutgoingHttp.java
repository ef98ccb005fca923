package io.mediahub.app;

import io.mediahub.common.HttpSettings;
import org.apache.camel.component.http.HttpComponent;

/**
 * The one camel-http component every outgoing call goes through (bound as {@code http} and {@code https}):
 * <ul>
 * <li>time-outs from {@code HTTP_CONNECT_TIMEOUT} (connecting, and waiting for a pooled connection) and
 * {@code HTTP_READ_TIMEOUT} (the answer: {@code responseTimeout}, infinite by default, and {@code soTimeout});</li>
 * <li>a pool of {@code HTTP_POOL_SIZE} connections, as many per host;</li>
 * <li>no automatic retries inside HttpClient ({@code automaticRetriesDisabled}): else it silently retries a 429/503 once
 * after an uncapped {@code Retry-After} wait, hidden from Camel's redelivery, which is the one retry policy
 * ({@code mediahub-http-policy});</li>
 * <li>no redirects at all, so none to another host (a 3xx fails the call with its status);</li>
 * <li>{@code throwExceptionOnFailure} (the default): a non-2xx answer is an {@code HttpOperationFailedException}, which the
 * policy turns into the service's one-line message;</li>
 * <li>{@code skipControlHeaders}: a leftover {@code CamelHttpUri}/{@code CamelHttpPath}/{@code CamelHttpQuery} cannot steer
 * a call; an endpoint that takes its path from those headers says {@code skipControlHeaders=false} itself, right after
 * the route that calls it removed every incoming header;</li>
 * <li>no cookies kept between calls, and no HttpClient User-Agent (the service's call route sets its own).</li>
 * </ul>
 * Secrets never go into a URI (URIs are logged): each service's auth header is set from the settings by its
 * {@link io.mediahub.common.HttpService} step.
 */
public final class OutgoingHttp {
    private OutgoingHttp() {
    }

    public static HttpComponent component(HttpSettings settings, int poolSize) {
        HttpComponent c = new HttpComponent();
        long connect = settings.connectTimeout().toMillis();
        long read = settings.readTimeout().toMillis();
        c.setConnectTimeout(connect);
        c.setConnectionRequestTimeout(connect);
        c.setResponseTimeout(read);
        c.setSoTimeout(read);
        c.setMaxTotalConnections(poolSize);
        c.setConnectionsPerRoute(poolSize);
        c.setAutomaticRetriesDisabled(true);
        c.setFollowRedirects(false);
        c.setRedirectHandlingDisabled(true);
        c.setSkipControlHeaders(true);
        c.setCookieManagementDisabled(true);
        c.setDefaultUserAgentDisabled(true);
        return c;
    }
}
