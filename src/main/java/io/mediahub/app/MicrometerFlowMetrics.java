package io.mediahub.app;

import io.mediahub.flow.FlowMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;

/**
 * Flow metrics on the Prometheus endpoint: {@code mediahub_flow_runs_total{flow,status}},
 * {@code mediahub_flow_duration_seconds{flow}}, {@code mediahub_flow_last_success_timestamp_seconds{flow}} and
 * {@code mediahub_flow_skipped_total{flow}} (a schedule that fired while the flow was still running).
 */
final class MicrometerFlowMetrics implements FlowMetrics {
    private final Supplier<CamelContext> context;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    MicrometerFlowMetrics(Supplier<CamelContext> context) {
        this.context = context;
    }

    private MeterRegistry registry() {
        CamelContext c = context.get();
        return c == null ? null : c.getRegistry().findSingleByType(MeterRegistry.class);
    }

    @Override
    public void finished(String flowId, String status, long durationMs, Instant at) {
        MeterRegistry r = registry();
        if (r == null) {
            return;
        }
        Counter.builder("mediahub.flow.runs").tag("flow", flowId).tag("status", status).register(r).increment();
        Timer.builder("mediahub.flow.duration").tag("flow", flowId).register(r).record(Duration.ofMillis(durationMs));
        if ("ok".equals(status)) {
            AtomicLong g = lastSuccess.computeIfAbsent(flowId, id -> r.gauge("mediahub.flow.last.success.timestamp.seconds",
                    java.util.List.of(io.micrometer.core.instrument.Tag.of("flow", id)), new AtomicLong()));
            g.set(at.getEpochSecond());
        }
    }

    @Override
    public void skipped(String flowId) {
        MeterRegistry r = registry();
        if (r != null) {
            Counter.builder("mediahub.flow.skipped").tag("flow", flowId).register(r).increment();
        }
    }
}
