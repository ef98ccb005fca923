package io.mediahub.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.sql.SqlEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each run's {@code flow_runs} row goes through the flow-run routes ({@code flow-record-run-start},
 * {@code flow-record-run-finish}: camel-sql) on the one pool the repositories use, with the same columns and messages
 * as the plain JDBC writes.
 */
class FlowRunRowsRouteTest {
    @TempDir
    Path dir;

    @Test
    void aRunsRowIsInsertedAndCompletedByTheFlowRunRoutes() throws Exception {
        try (TestApp app = TestApp.start(dir, Map.of("MEDIAHUB_INSTANCE_ID", "nas"))) {
            CamelContext camel = app.app().camelContext();
            NotifyBuilder started = new NotifyBuilder(camel).fromRoute("flow-record-run-start").whenCompleted(2).create();
            NotifyBuilder finished = new NotifyBuilder(camel).fromRoute("flow-record-run-finish").whenCompleted(2).create();

            FlowOutcome ok = app.run("features-build-genres");
            FlowOutcome failed = app.run("tmdb-sync-genres");

            assertThat(started.matches(10, TimeUnit.SECONDS)).isTrue();
            assertThat(finished.matches(10, TimeUnit.SECONDS)).isTrue();
            assertThat(app.rows("SELECT run_id, flow_id, trigger_kind, status, instance, scheduled_for, rows_read, rows_written, counts, error_text, "
                    + "finished_at IS NOT NULL AS finished, duration_ms IS NOT NULL AS timed FROM flow_runs ORDER BY run_id")).satisfiesExactly(
                    r -> {
                        assertThat(((Number) r.get("run_id")).longValue()).isEqualTo(ok.runId());
                        assertThat(r).containsEntry("flow_id", "features-build-genres").containsEntry("trigger_kind", "cli")
                                .containsEntry("status", "ok").containsEntry("instance", "nas").containsEntry("error_text", null);
                        assertThat(r.get("scheduled_for")).isNull();
                        assertThat((String) r.get("counts")).isEqualTo("{\"genres\":0,\"matrix_rebuilt\":1}");
                        assertThat(((Number) r.get("finished")).intValue()).isEqualTo(1);
                        assertThat(((Number) r.get("timed")).intValue()).isEqualTo(1);
                    },
                    r -> {
                        assertThat(((Number) r.get("run_id")).longValue()).isEqualTo(failed.runId());
                        assertThat(r).containsEntry("flow_id", "tmdb-sync-genres").containsEntry("status", "failed")
                                .containsEntry("error_text", "tmdb-sync-genres failed: TMDB_READ_ACCESS_TOKEN is not set").containsEntry("counts", null);
                        assertThat(((Number) r.get("rows_read")).longValue()).isZero();
                    });
            assertThat(app.app().runs().last("tmdb-sync-genres")).get().satisfies(r -> assertThat(r.errorText()).isEqualTo(failed.error()));
        }
    }

    @Test
    void aScheduledRunRecordsItsFireTime() throws Exception {
        try (TestApp app = TestApp.start(dir, Map.of())) {
            app.app().runner().trigger("features-build-genres", java.util.Date.from(Instant.parse("2026-12-02T03:00:00Z")));
            assertThat(app.rows("SELECT trigger_kind, scheduled_for, status FROM flow_runs")).singleElement().satisfies(r ->
                    assertThat(r).containsEntry("trigger_kind", "schedule").containsEntry("scheduled_for", "2026-12-02T03:00:00Z")
                            .containsEntry("status", "ok"));
        }
    }

    @Test
    void everySqlEndpointAndTheRepositoriesShareTheStoresOnePool() throws Exception {
        try (TestApp app = TestApp.start(dir, Map.of())) {
            CamelContext camel = app.app().camelContext();
            app.run("features-build-genres");
            app.run("store-backup-database");
            DataSource pool = app.app().store().dataSource();
            assertThat(camel.getRegistry().findByType(DataSource.class)).containsExactly(pool);
            List<SqlEndpoint> sql = camel.getEndpoints().stream().filter(SqlEndpoint.class::isInstance).map(SqlEndpoint.class::cast).toList();
            assertThat(sql).extracting(e -> java.net.URLDecoder.decode(e.getEndpointUri(), java.nio.charset.StandardCharsets.UTF_8)).anyMatch(u -> u.contains("INSERT INTO flow_runs"))
                    .anyMatch(u -> u.contains("UPDATE flow_runs")).anyMatch(u -> u.contains("VACUUM INTO"))
                    .anyMatch(u -> u.contains("library-genre-stamp.sql"));
            assertThat(sql).allSatisfy(e -> assertThat(e.getJdbcTemplate().getDataSource()).isSameAs(pool));
        }
    }

    @Test
    void aStoreThatCannotTakeTheRowFailsWithTheWordsOfThePlainJdbcWrite() throws Exception {
        try (TestApp app = TestApp.start(dir, Map.of())) {
            try (Connection c = app.app().store().connection(); Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TRIGGER no_new_runs BEFORE INSERT ON flow_runs BEGIN SELECT RAISE(ABORT, 'no new runs'); END");
            }
            FlowRunRepository plain = new FlowRunRepository(app.app().store(), new ObjectMapper());
            String expected = messageOf(() -> plain.start("features-build-genres", "cli", Instant.now(), "x", null));
            assertThat(expected).startsWith("Cannot record the start of features-build-genres in flow_runs: ").contains("no new runs");

            assertThatThrownBy(() -> app.run("features-build-genres")).isInstanceOf(IllegalStateException.class).hasMessage(expected);

            try (Connection c = app.app().store().connection(); Statement s = c.createStatement()) {
                s.executeUpdate("DROP TRIGGER no_new_runs");
                s.executeUpdate("CREATE TRIGGER no_ends BEFORE UPDATE ON flow_runs WHEN NEW.status = 'ok' BEGIN SELECT RAISE(ABORT, 'no ends'); END");
            }
            assertThatThrownBy(() -> app.run("features-build-genres")).isInstanceOf(IllegalStateException.class)
                    .hasMessageMatching("Cannot record the end of run [0-9]+ in flow_runs: .*no ends.*")
                    .satisfies(e -> assertThat(e.getMessage()).isEqualTo(messageOf(() -> plain.finish(1, "ok", Instant.now(), 1, null, null))
                            .replace("run 1 ", "run " + app.app().runs().last("features-build-genres").orElseThrow().runId() + " ")));
        }
    }

    private static String messageOf(Runnable write) {
        try {
            write.run();
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("the plain write should fail too");
    }
}
