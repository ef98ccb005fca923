package io.mediahub.flow;

import java.time.Instant;

/**
 * The writes of a run to its {@code flow_runs} row: the row inserted when the run starts, completed when it ends (ok,
 * partial, failed or interrupted). In the application they go through the routes {@code flow-record-run-start} and
 * {@code flow-record-run-finish} (camel-sql on the store's pool); {@link FlowRunRepository} writes the same rows with
 * plain JDBC where no Camel runs (tools and tests).
 */
public interface FlowRunRows {

    /**
     * Records the start of a run by {@code instance}; {@code scheduledFor} is the schedule's fire time (ISO-8601) when
     * the schedule started it, else null. Returns the run id.
     */
    long start(String flowId, String trigger, Instant startedAt, String instance, String scheduledFor);

    /** Completes the run's row: its status, end, duration, counts and, when it did not succeed, the one-line reason. */
    void finish(long runId, String status, Instant finishedAt, long durationMs, FlowResult result, String errorText);

    /** A run's start, as the start route takes it. */
    record Start(String flowId, String trigger, Instant startedAt, String instance, String scheduledFor) {
    }

    /** A run's end, as the finish route takes it. */
    record End(long runId, String status, Instant finishedAt, long durationMs, FlowResult result, String errorText) {
    }
}
