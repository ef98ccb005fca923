package io.mediahub.flow;

import java.time.Instant;

/** One row of {@code flow_runs}; {@code instance} is the Mediahub instance that ran it (null for runs before it was recorded). */
public record FlowRun(long runId, String flowId, String trigger, Instant startedAt, Instant finishedAt, String status,
                      Long durationMs, long read, long written, long deleted, long skipped, String counts, String errorText,
                      String instance) {
}
