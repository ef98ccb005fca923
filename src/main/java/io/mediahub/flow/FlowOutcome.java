package io.mediahub.flow;

/** How one run ended, for the CLI's exit code, the webhook and the metrics. */
public record FlowOutcome(String flowId, long runId, Status status, long durationMs, FlowResult result, String error) {

    /** PARTIAL: the flow ran to its end but did only part of its work; {@link #error()} says why. */
    public enum Status { OK, PARTIAL, FAILED, INTERRUPTED, SKIPPED }

    static FlowOutcome skipped(String flowId, String why) {
        return new FlowOutcome(flowId, 0, Status.SKIPPED, 0, null, why);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
