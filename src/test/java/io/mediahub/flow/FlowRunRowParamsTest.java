package io.mediahub.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parameters of the flow-run statements, and the run id from each driver's generated keys. */
class FlowRunRowParamsTest {
    private final FlowRunRowParams params = new FlowRunRowParams(new ObjectMapper());

    @Test
    void aStartNamesEveryInsertedColumn() {
        Map<String, Object> p = params.started(new FlowRunRows.Start("emby-sync-library", "schedule", Instant.parse("2026-12-02T03:00:00.5Z"),
                "nas", "2026-12-02T03:00:00Z"));
        assertThat(p).containsExactlyInAnyOrderEntriesOf(Map.of("flow_id", "emby-sync-library", "trigger_kind", "schedule",
                "started_at", "2026-12-02T03:00:00.500Z", "instance", "nas", "scheduled_for", "2026-12-02T03:00:00Z"));
        assertThat(params.started(new FlowRunRows.Start("f", "cli", Instant.EPOCH, null, null))).containsEntry("scheduled_for", null)
                .containsEntry("instance", null);
    }

    @Test
    void anEndCarriesTheCountsAsJsonAndZerosWithoutAResult() {
        FlowResult r = new FlowResult().read(4).written(3).deleted(2).skipped(1).count("items_new", 3);
        Map<String, Object> p = params.finished(new FlowRunRows.End(9, "partial", Instant.parse("2026-12-02T03:01:00Z"), 60_000, r, "half"));
        assertThat(p).containsEntry("run_id", 9L).containsEntry("status", "partial").containsEntry("finished_at", "2026-12-02T03:01:00Z")
                .containsEntry("duration_ms", 60_000L).containsEntry("rows_read", 4L).containsEntry("rows_written", 3L)
                .containsEntry("rows_deleted", 2L).containsEntry("rows_skipped", 1L).containsEntry("counts", "{\"items_new\":3}")
                .containsEntry("error_text", "half");
        Map<String, Object> failed = params.finished(new FlowRunRows.End(10, "failed", Instant.EPOCH, 5, null, "f failed: x"));
        assertThat(failed).containsEntry("rows_read", 0L).containsEntry("rows_skipped", 0L).containsEntry("counts", null);
    }

    @Test
    void theRunIdIsTheOneGeneratedKeyWhateverTheDriverCallsIt() {
        assertThat(params.runId(List.of(Map.of("last_insert_rowid()", 42)))).isEqualTo(42);
        assertThat(params.runId(List.of(Map.of("GENERATED_KEY", BigInteger.valueOf(43))))).isEqualTo(43);
        assertThatThrownBy(() -> params.runId(List.of())).isInstanceOf(IllegalStateException.class).hasMessageContaining("no run id");
        assertThatThrownBy(() -> params.runId(null)).isInstanceOf(IllegalStateException.class);
    }
}
