package io.mediahub.flow;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What a flow's route receives as its body: the run's id, options given on the command line ({@code --full} and the
 * like), and a way to learn that the application is stopping, so a long flow can roll back its current batch and
 * stop instead of being cut off mid-write.
 */
public record FlowRequest(long runId, String flowId, Map<String, String> options, BooleanSupplier stopRequested) {

    public boolean option(String name) {
        return Boolean.parseBoolean(options.getOrDefault(name, "false"));
    }

    /** Throws {@link FlowStoppedException} when the application is stopping; call it between batches. */
    public void checkNotStopping() {
        if (stopRequested.getAsBoolean()) {
            throw new FlowStoppedException(flowId + " stopped because Mediahub is shutting down");
        }
    }
}
