package io.mediahub.jobs;

/**
 * Why a job did not complete, in one line for {@code jobs} and the webhook. A retryable failure (a stall, a cut transfer,
 * a 429) is queued again until the job has used its attempts; any other fails the job at once.
 */
public class JobFailure extends RuntimeException {
    private final boolean retryable;

    public JobFailure(String reason, boolean retryable) {
        super(reason);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The job was cancelled while it ran: its tool was stopped and its partial output removed; the row stays cancelled. */
    public static class Cancelled extends JobFailure {
        public Cancelled() {
            super("cancelled", false);
        }
    }
}
