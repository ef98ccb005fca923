package io.mediahub.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the {@code flow_runs} statements (the {@code :#name}s of the flow-run routes), from a run's start
 * or end, and the run id from the generated keys of the insert. Pure: no I/O.
 */
public final class FlowRunRowParams {
    private final ObjectMapper json;

    public FlowRunRowParams(ObjectMapper json) {
        this.json = json;
    }

    /** {@code flow_id}, {@code trigger_kind}, {@code started_at}, {@code instance}, {@code scheduled_for}. */
    public Map<String, Object> started(FlowRunRows.Start s) {
        Map<String, Object> p = new HashMap<>();
        p.put("flow_id", s.flowId());
        p.put("trigger_kind", s.trigger());
        p.put("started_at", s.startedAt().toString());
        p.put("instance", s.instance());
        p.put("scheduled_for", s.scheduledFor());
        return p;
    }

    /** Every column the end of a run writes, and {@code run_id}; a run without a result counts zeros and no counts. */
    public Map<String, Object> finished(FlowRunRows.End e) {
        FlowResult r = e.result();
        Map<String, Object> p = new HashMap<>();
        p.put("run_id", e.runId());
        p.put("finished_at", e.finishedAt().toString());
        p.put("status", e.status());
        p.put("duration_ms", e.durationMs());
        p.put("rows_read", r == null ? 0L : r.read());
        p.put("rows_written", r == null ? 0L : r.written());
        p.put("rows_deleted", r == null ? 0L : r.deleted());
        p.put("rows_skipped", r == null ? 0L : r.skipped());
        p.put("counts", counts(r));
        p.put("error_text", e.errorText());
        return p;
    }

    /** The flow's own counters as JSON ({@code flow_runs.counts}); null without a result. */
    public String counts(FlowResult r) {
        try {
            return r == null ? null : json.writeValueAsString(r.counters());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The run id: the one generated key of the insert (its column is named by the driver: GENERATED_KEY, last_insert_rowid()). */
    public long runId(List<Map<String, Object>> generatedKeys) {
        if (generatedKeys == null || generatedKeys.isEmpty() || generatedKeys.get(0).isEmpty()) {
            throw new IllegalStateException("the store gave no run id for the new flow_runs row");
        }
        Object key = generatedKeys.get(0).values().iterator().next();
        return key instanceof Number n ? n.longValue() : Long.parseLong(key.toString());
    }
}
