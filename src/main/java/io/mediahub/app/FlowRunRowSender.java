package io.mediahub.app;

import io.mediahub.flow.FlowResult;
import io.mediahub.flow.FlowRunRows;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.camel.ProducerTemplate;

/**
 * The flow runner's writes of {@code flow_runs} rows, sent to the flow-run routes ({@code direct:flow-run-started},
 * {@code direct:flow-run-finished}: camel-sql on the store's pool). A failure keeps the words the runner has always
 * used: {@code Cannot record the start of <flow> in flow_runs: <the store's message>}.
 */
final class FlowRunRowSender implements FlowRunRows {
    static final String STARTED = "direct:flow-run-started";
    static final String FINISHED = "direct:flow-run-finished";

    private final Supplier<ProducerTemplate> producer;

    FlowRunRowSender(Supplier<ProducerTemplate> producer) {
        this.producer = producer;
    }

    @Override
    public long start(String flowId, String trigger, Instant startedAt, String instance, String scheduledFor) {
        try {
            return producer.get().requestBody(STARTED, new Start(flowId, trigger, startedAt, instance, scheduledFor), Long.class);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot record the start of " + flowId + " in flow_runs: " + storeMessage(e), e);
        }
    }

    @Override
    public void finish(long runId, String status, Instant finishedAt, long durationMs, FlowResult result, String errorText) {
        try {
            producer.get().requestBody(FINISHED, new End(runId, status, finishedAt, durationMs, result, errorText));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot record the end of run " + runId + " in flow_runs: " + storeMessage(e), e);
        }
    }

    /** The driver's own message (under Camel's and Spring's wrappers), as the plain JDBC writes gave it. */
    static String storeMessage(Throwable e) {
        Throwable last = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return t.getMessage();
            }
            last = t;
        }
        return last.getMessage();
    }
}
