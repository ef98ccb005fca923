package io.mediahub.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * The last step of the outgoing-call policy ({@code mediahub-http-policy}) once Camel has given up on a call: the
 * camel-http failure becomes the service's one-line {@link ServiceException}, word for word the messages of the first
 * versions ({@code TMDb at https://… answered 401 Unauthorized — check TMDB_READ_ACCESS_TOKEN}).
 * It replaces the exception Camel puts back on the exchange ({@link Exchange#EXCEPTION_CAUGHT}), so the flow runner,
 * the dead letter, records that line. Calls not made through an {@link HttpService} keep their exception.
 */
public final class HttpFailureTranslator implements Processor {
    private final HttpSettings settings;

    public HttpFailureTranslator(HttpSettings settings) {
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        HttpService service = exchange.getProperty(HttpService.PROPERTY, HttpService.class);
        if (caught == null || service == null || caught instanceof ServiceException) {
            return;
        }
        String path = exchange.getVariable(HttpService.PATH_VARIABLE, "", String.class);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, translate(caught, service.failures(), path, service.readTimeout().orElse(settings.readTimeout())));
    }

    Throwable translate(Throwable t, ServiceFailures failures, String path) {
        return translate(t, failures, path, settings.readTimeout());
    }

    /** @param readTimeout the service's own answer time-out when it has one (Radarr's large lists), for the message */
    Throwable translate(Throwable t, ServiceFailures failures, String path, java.time.Duration readTimeout) {
        if (t instanceof HttpOperationFailedException h) {
            return failures.status(h.getStatusCode(), path, settings.maxAttempts());
        }
        if (t instanceof UnreadableBody u) {
            return failures.unreadable(u.getMessage());
        }
        if (t instanceof JsonProcessingException j) {
            return failures.unreadable("a body that is not valid JSON for " + path + " (" + j.getOriginalMessage() + ")");
        }
        if (t instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
            return failures.connectTimeout(settings.connectTimeout(), t);
        }
        if (t instanceof SocketTimeoutException) {
            return failures.readTimeout(path, readTimeout, t);
        }
        if (t instanceof ConnectException) {
            return failures.refused(t);
        }
        if (t instanceof IOException) {
            return failures.io(t);
        }
        return t;
    }
}
