package io.mediahub.jobs;

/**
 * One row of the {@code jobs} table: a piece of long work (a download, a rip, a podcast episode, …) from {@code queued}
 * through {@code running} to {@code completed}, {@code failed} or {@code cancelled}. {@code hints} is a JSON object with
 * everything a retry needs; {@code attempts} counts the attempts that ended without success (a retryable failure or an
 * interrupted process). Timestamps are UTC ISO-8601 text.
 */
public record Job(long jobId, String kind, String status, String phase, Double progress, String speed, Long etaSeconds, String title,
                  String source, String target, String discType, String hints, int attempts, String errorText, String createdAt,
                  String startedAt, String finishedAt, Long retryOf) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    /** A job as it is queued: what to do, and everything a retry needs. */
    public record NewJob(String kind, String title, String source, String discType, String hints, Long retryOf) {
    }

    public boolean active() {
        return QUEUED.equals(status) || RUNNING.equals(status);
    }
}
