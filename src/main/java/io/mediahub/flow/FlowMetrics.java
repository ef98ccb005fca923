package io.mediahub.flow;

import java.time.Instant;

/** Where the runner reports runs for the Prometheus endpoint; a no-op when metrics are off (one-shot CLI runs). */
public interface FlowMetrics {
    FlowMetrics NONE = new FlowMetrics() {
        @Override
        public void finished(String flowId, String status, long durationMs, Instant at) {
        }

        @Override
        public void skipped(String flowId) {
        }
    };

    void finished(String flowId, String status, long durationMs, Instant at);

    void skipped(String flowId);
}
