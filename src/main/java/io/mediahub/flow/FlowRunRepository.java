package io.mediahub.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code flow_runs} table: one row per run, written when it starts and completed when it ends. The reads
 * ({@link #last}, {@link #recent}: what {@code mediahub flows} shows) and the tidying of runs a dead process left
 * {@code running} are plain JDBC on the store's pool and need no CamelContext, so {@code flows} answers without
 * starting Camel. During a run the application writes the row through the flow-run routes ({@code
 * routes/flow/flow-record-run-start.camel.yaml}, {@code flow-record-run-finish}: camel-sql on the same pool);
 * {@link #start}/{@link #finish} here write the same row for tools and tests that run flows without Camel.
 */
public class FlowRunRepository implements FlowRunRows {
    private final Store store;
    private final ObjectMapper json;

    public FlowRunRepository(Store store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    Store store() {
        return store;
    }

    public long start(String flowId, String trigger, Instant startedAt) {
        return start(flowId, trigger, startedAt, null, null);
    }

    @Override
    public long start(String flowId, String trigger, Instant startedAt, String instance, String scheduledFor) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO flow_runs (flow_id, trigger_kind, started_at, status, instance, scheduled_for) VALUES (?, ?, ?, 'running', ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, flowId);
            ps.setString(2, trigger);
            ps.setString(3, startedAt.toString());
            ps.setString(4, instance);
            ps.setString(5, scheduledFor);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the start of " + flowId + " in flow_runs: " + e.getMessage(), e);
        }
    }

    @Override
    public void finish(long runId, String status, Instant finishedAt, long durationMs, FlowResult result, String errorText) {
        String counts = new FlowRunRowParams(json).counts(result);
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE flow_runs SET finished_at = ?, status = ?, duration_ms = ?, rows_read = ?, "
                     + "rows_written = ?, rows_deleted = ?, rows_skipped = ?, counts = ?, error_text = ? WHERE run_id = ?")) {
            ps.setString(1, finishedAt.toString());
            ps.setString(2, status);
            ps.setLong(3, durationMs);
            ps.setLong(4, result == null ? 0 : result.read());
            ps.setLong(5, result == null ? 0 : result.written());
            ps.setLong(6, result == null ? 0 : result.deleted());
            ps.setLong(7, result == null ? 0 : result.skipped());
            ps.setString(8, counts);
            ps.setString(9, errorText);
            ps.setLong(10, runId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the end of run " + runId + " in flow_runs: " + e.getMessage(), e);
        }
    }

    /** The flows with a run still marked 'running' (in progress somewhere, or left so by a process that died). */
    public List<String> flowsWithRunsLeftRunning() {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT flow_id FROM flow_runs WHERE status = 'running' ORDER BY flow_id");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read flow_runs: " + e.getMessage(), e);
        }
    }

    /** A run of this flow left 'running' by a process that died (power cut, kill -9) becomes 'interrupted'. */
    public int markAbandonedRuns(String flowId, Instant now) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("UPDATE flow_runs SET status = 'interrupted', finished_at = ?, "
                     + "error_text = 'the process ended before the run finished' WHERE status = 'running' AND flow_id = ?")) {
            ps.setString(1, now.toString());
            ps.setString(2, flowId);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tidy flow_runs: " + e.getMessage(), e);
        }
    }

    public Optional<FlowRun> last(String flowId) {
        List<FlowRun> runs = recent(flowId, 1);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    public List<FlowRun> recent(String flowId, int limit) {
        try (Connection c = store.connection();
             PreparedStatement ps = c.prepareStatement("SELECT run_id, flow_id, trigger_kind, started_at, finished_at, status, duration_ms, "
                     + "rows_read, rows_written, rows_deleted, rows_skipped, counts, error_text, instance FROM flow_runs WHERE flow_id = ? "
                     + "ORDER BY run_id DESC LIMIT ?")) {
            ps.setString(1, flowId);
            ps.setInt(2, limit);
            List<FlowRun> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long d = rs.getLong(7);
                    Long duration = rs.wasNull() ? null : d;
                    String fin = rs.getString(5);
                    out.add(new FlowRun(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4)),
                            fin == null ? null : Instant.parse(fin), rs.getString(6), duration, rs.getLong(8), rs.getLong(9),
                            rs.getLong(10), rs.getLong(11), rs.getString(12), rs.getString(13), rs.getString(14)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read flow_runs: " + e.getMessage(), e);
        }
    }
}
