package io.mediahub.intake;

import io.mediahub.flow.FlowRunner;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code intake-watch-inbox}, the container's watcher: a Quartz timer that hands each tick to {@link InboxWatcher}. It is
 * a Java route because it is a poller that is not a flow (it starts {@code intake-scan-inbox} through the flow runner).
 */
public final class IntakeRoutes extends RouteBuilder {
    private final InboxWatcher watcher;
    private final long intervalMillis;

    public IntakeRoutes(InboxWatcher watcher, long intervalMillis) {
        this.watcher = watcher;
        this.intervalMillis = Math.max(100, intervalMillis);
    }

    @Override
    public void configure() {
        from("quartz:mediahub-intake/watch-inbox?trigger.repeatInterval=" + intervalMillis + "&trigger.repeatCount=-1&stateful=true")
                .routeId(IntakeFlows.WATCH_ROUTE)
                .description("Watches the inbox; runs intake-scan-inbox for drops that have stopped changing")
                .process(e -> watcher.poll(e.getContext().getRegistry().lookupByNameAndType("flowRunner", FlowRunner.class)));
    }
}
