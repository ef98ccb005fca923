package io.mediahub.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahub.flow.FlowOutcome;
import io.mediahub.store.Dialect;
import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.MySqlDatabase;
import io.mediahub.testing.PlaybackReportingFake;
import io.mediahub.testing.PlaybackReportingFake.Play;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * emby-sync-history end to end on a MySQL/MariaDB store, against the same fake Emby and Playback Reporting table as a
 * SQLite store beside it: every run (first, incremental, a runtime arriving later, --full) must leave the same sessions
 * and stats in both. Enough plays that the sessions are written while the events are still being streamed (the writer
 * flushes every 5,000 rows). Skips without a server unless MEDIAHUB_REQUIRE_ALL=1 (see {@link MySqlDatabase}).
 */
class WatchHistoryMySqlIT {
    private static final String SESSIONS = "SELECT session_id, user_id, item_id, item_type, started_at, ended_at, event_count, sampled_seconds, "
            + "runtime_seconds, runtime_is_fallback, completion_ratio, outcome FROM watch_hist_agg_sessions ORDER BY user_id, item_id, session_id";
    private static final String STATS = "SELECT user_id, item_id, item_type, total_sessions, completed_sessions, partial_sessions, sampled_sessions, "
            + "abandoned_sessions, total_seconds, total_minutes, max_completion_ratio, avg_completion_ratio, rewatch_count, first_watched_at, "
            + "last_watched_at, days_between_first_last, adherence_score FROM watch_hist_user_item_stats ORDER BY user_id, item_id";

    @TempDir
    Path dir;

    @RegisterExtension
    final MySqlDatabase mysql = new MySqlDatabase();

    /** Sessions, then stats, each value as text: SQLite gives Integer where MySQL's BIGINT gives Long. */
    private static List<List<String>> dump(TestApp app, String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> row : app.rows(sql)) {
            rows.add(row.values().stream().map(String::valueOf).collect(Collectors.toList()));
        }
        return rows;
    }

    private static void assertSameHistory(TestApp sqlite, TestApp mariadb) throws Exception {
        assertThat(dump(mariadb, SESSIONS)).isEqualTo(dump(sqlite, SESSIONS));
        assertThat(dump(mariadb, STATS)).isEqualTo(dump(sqlite, STATS));
    }

    private static FlowOutcome run(TestApp app, String flow, Map<String, String> options) {
        FlowOutcome o = app.run(flow, options);
        assertThat(o.ok()).as(flow + ": " + o.error()).isTrue();
        return o;
    }

    /** Runs the flow on MySQL, then on SQLite, which must report the same counts; gives MySQL's outcome. */
    private static FlowOutcome runOnBoth(TestApp sqlite, TestApp mariadb, String flow) {
        FlowOutcome o = run(mariadb, flow, Map.of());
        assertThat(run(sqlite, flow, Map.of()).result().toString()).as(flow + " on SQLite").isEqualTo(o.result().toString());
        return o;
    }

    @Test
    void everyRunLeavesTheSessionsAndStatsOfTheSameRunOnSqlite() throws Exception {
        try (FakeMediaServer emby = FakeMediaServer.emby()) {
            List<ObjectNode> library = Items.library(40, 3, 10); // 6 movies without a runtime
            emby.setItems(library);
            List<String[]> items = PlaybackReportingFake.playable(library);
            emby.playbackReporting().addGenerated(12_000, 20, items, 11);
            Map<String, String> common = Map.of("EMBY_URL", emby.url(), "EMBY_API_KEY", FakeMediaServer.API_KEY, "EMBY_SERVER_TIMEZONE", "Europe/Paris");
            Map<String, String> onMySql = new HashMap<>(common);
            onMySql.putAll(mysql.storeEnv());
            try (TestApp sqlite = TestApp.start(dir.resolve("sqlite"), common); TestApp mariadb = TestApp.start(dir.resolve("mysql"), onMySql)) {
                assertThat(mariadb.app().store().dialect()).isEqualTo(Dialect.MYSQL);
                runOnBoth(sqlite, mariadb, "emby-sync-library");

                FlowOutcome first = runOnBoth(sqlite, mariadb, "emby-sync-history");
                assertThat(first.result().read()).isEqualTo(12_000);
                assertThat(mariadb.count("SELECT COUNT(*) FROM watch_hist_agg_sessions")).isGreaterThan(5_000);
                assertSameHistory(sqlite, mariadb);

                // New plays: some resume stored sessions, some are new pairs; only their pairs are rebuilt.
                List<Play> more = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    String[] item = items.get(i % items.size());
                    more.add(new Play("2025-01-0" + (1 + i % 9) + " 21:" + (10 + i % 50) + ":00", PlaybackReportingFake.generatedUser(i % 25), item[0],
                            item[1], "x", 200 + 37 * i));
                }
                emby.playbackReporting().add(more);
                FlowOutcome incremental = runOnBoth(sqlite, mariadb, "emby-sync-history");
                assertThat(incremental.result().read()).isEqualTo(300);
                assertThat(incremental.result().counter("pairs_rebuilt")).isPositive();
                assertSameHistory(sqlite, mariadb);

                // Runtimes arrive for the movies that had none: their sessions' ratios and outcomes are recomputed (step 4).
                List<ObjectNode> withRuntimes = new ArrayList<>();
                for (ObjectNode n : library) {
                    withRuntimes.add("Movie".equals(n.path("Type").asText()) && !n.has("RunTimeTicks") ? n.deepCopy().put("RunTimeTicks", 3_000 * 10_000_000L) : n);
                }
                emby.setItems(withRuntimes);
                runOnBoth(sqlite, mariadb, "emby-sync-library");
                FlowOutcome runtimes = runOnBoth(sqlite, mariadb, "emby-sync-history");
                assertThat(runtimes.result().read()).isZero();
                assertThat(runtimes.result().counter("pairs_runtime_changed")).isPositive();
                assertThat(mariadb.count("SELECT COUNT(*) FROM watch_hist_agg_sessions WHERE item_id = '10000' AND runtime_is_fallback = 1")).isZero();
                assertSameHistory(sqlite, mariadb);

                // A full rebuild on MySQL gives what the incremental runs gave.
                List<List<String>> sessions = dump(mariadb, SESSIONS);
                List<List<String>> stats = dump(mariadb, STATS);
                assertThat(run(mariadb, "emby-sync-history", Map.of("full", "true")).result().read()).isEqualTo(12_300);
                assertThat(dump(mariadb, SESSIONS)).isEqualTo(sessions);
                assertThat(dump(mariadb, STATS)).isEqualTo(stats);
                assertThat(mariadb.count("SELECT COUNT(*) FROM watch_hist_dirty_pairs")).isZero();
            }
        }
    }
}
