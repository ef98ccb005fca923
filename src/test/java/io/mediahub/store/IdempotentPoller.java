package io.mediahub.store;

import io.mediahub.testing.TestApp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.builder.RouteBuilder;

/**
 * A poller as the coming feed and folder pollers will be, for the idempotent repository's tests: {@code direct:} in,
 * {@code idempotentConsumer} on the key with the store's repository of one processor name, and the keys that got through.
 */
final class IdempotentPoller {
    final List<String> taken = new CopyOnWriteArrayList<>();
    private final TestApp app;

    private IdempotentPoller(TestApp app) {
        this.app = app;
    }

    /** Adds the route {@code test-poll-<name>} on {@code direct:poll-<name>} to the running application. */
    static IdempotentPoller on(TestApp app, String processorName) throws Exception {
        IdempotentPoller p = new IdempotentPoller(app);
        StoreIdempotentRepository repositories = app.app().bean("storeIdempotentRepository", StoreIdempotentRepository.class);
        app.app().camelContext().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:poll-" + processorName).routeId("test-poll-" + processorName)
                        .idempotentConsumer(body(), repositories.named(processorName))
                        .process(x -> p.taken.add(x.getIn().getBody(String.class)));
            }
        });
        return p;
    }

    /** Each key offered once, in order, as a poller would see them. */
    IdempotentPoller offer(String processorName, String... keys) {
        for (String k : keys) {
            app.app().camelContext().createProducerTemplate().sendBody("direct:poll-" + processorName, k);
        }
        return this;
    }
}
