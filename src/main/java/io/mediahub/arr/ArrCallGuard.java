package io.mediahub.arr;

import io.mediahub.common.HttpService;
import io.mediahub.flow.FlowStoppedException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The step of a Radarr/Sonarr call route right before the request goes out, after the throttle let it through: a
 * thread that was interrupted (Mediahub is stopping) sends nothing and stops the flow; otherwise the request is counted
 * for the run's {@code requests} (every attempt, retries included). {@link #stopped} is the same stop for a thread
 * interrupted while it waited in the throttle.
 */
public final class ArrCallGuard implements Processor {
    /** The exchange property holding the run's {@link ArrExport}. */
    public static final String EXPORT = "arrExport";

    @Override
    public void process(Exchange exchange) {
        if (Thread.currentThread().isInterrupted()) {
            throw stoppedException(exchange);
        }
        ArrExport export = exchange.getProperty(EXPORT, ArrExport.class);
        if (export != null) {
            export.sent();
        }
    }

    /** The throttle's wait was interrupted: nothing was sent. */
    public void stopped(Exchange exchange) {
        Thread.currentThread().interrupt();
        throw stoppedException(exchange);
    }

    private static FlowStoppedException stoppedException(Exchange exchange) {
        HttpService service = exchange.getProperty(HttpService.PROPERTY, HttpService.class);
        return new FlowStoppedException((service == null ? "The" : service.failures().service()) + " export interrupted; the request was not sent");
    }
}
