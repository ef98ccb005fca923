package io.mediahub.history;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.PlaybackReportingFake.Play;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * emby-sync-history end to end: the real routes and store against a fake Emby whose Playback Reporting endpoint runs the
 * posted SQL on a real SQLite PlaybackActivity table, so paging by ROWID and incremental reads are real.
 */
class WatchHistorySyncTest {
    static final String ALICE = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String BOB = "11111111222233334444555566667777";

    @TempDir
    Path dir;

    private FakeMediaServer emby;
    private TestApp app;

    @BeforeEach
    void start() throws Exception {
        emby = FakeMediaServer.emby();
        List<com.fasterxml.jackson.databind.node.ObjectNode> items = new ArrayList<>();
        items.add(Items.movie("m1", "Heat", 1995, 10_200, "Action", "Crime"));
        items.add(Items.movie("m2", "Amélie", 2001, 7_200, "Comedy", "Romance"));
        items.add(Items.series("s1", "The Wire", "Drama", "Crime"));
        items.add(Items.episode("e1", "s1", "The Wire", 1, 1, 3_600));
        items.add(Items.episode("e2", "s1", "The Wire", 1, 2, 3_600));
        emby.setItems(items);
        app = TestApp.start(dir, Map.of("EMBY_URL", emby.url(), "EMBY_API_KEY", FakeMediaServer.API_KEY, "EMBY_SERVER_TIMEZONE", "Europe/Paris",
                "HISTORY_PAGE_SIZE", "2"));
        assertThat(app.run("emby-sync-library").ok()).isTrue();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        emby.close();
    }

    private String dump() throws Exception {
        return app.rows("SELECT * FROM watch_hist_agg_sessions ORDER BY session_id") + "\n"
                + app.rows("SELECT * FROM watch_hist_user_item_stats ORDER BY user_id, item_id");
    }

    @Test
    void rawEventsInUtcThenSessionsThenStatsPagedByRowid() throws Exception {
        emby.playbackReporting().add(
                new Play("2025-01-10 21:00:00.1234567", ALICE, "m1", "Movie", "Heat", 3000),
                new Play("2025-01-10 21:55:00", ALICE, "m1", "Movie", "Heat", 6000),      // 5 min after the end: same session
                new Play("2025-01-12 20:00:00", ALICE, "m1", "Movie", "Heat", 9500),      // another day: completed again = rewatch
                new Play("2025-01-11 20:00:00", BOB, "e1", "Episode", "The Wire - s01e01 - The Target", 3500),
                new Play("2025-07-01 20:00:00", BOB, "e2", "Episode", "The Wire - s01e02 - The Detail", 120));
        FlowOutcome o = app.run("emby-sync-history");
        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        assertThat(o.result().read()).isEqualTo(5);
        assertThat(o.result().written()).isEqualTo(5);
        // Page size 2: ROWID > 0, > 2, > 4 (a short page ends the listing).
        assertThat(emby.playbackReporting().sql).hasSize(3).allMatch(q -> q.contains("ORDER BY ROWID LIMIT 2"));
        assertThat(emby.playbackReporting().sql.get(1)).contains("ROWID > 2");

        List<Map<String, Object>> raw = app.rows("SELECT * FROM watch_hist_raw_events ORDER BY source_row_id");
        assertThat(raw).hasSize(5);
        assertThat(raw.get(0)).containsEntry("started_at", "2025-01-10T20:00:00Z").containsEntry("user_name", "alice")
                .containsEntry("local_started_at", "2025-01-10 21:00:00.1234567").containsEntry("play_method", "DirectPlay");
        assertThat(raw.get(4)).containsEntry("started_at", "2025-07-01T18:00:00Z"); // summer time in Paris

        List<Map<String, Object>> sessions = app.rows("SELECT * FROM watch_hist_agg_sessions ORDER BY session_id");
        assertThat(sessions).hasSize(4);
        assertThat(sessions.get(0)).containsEntry("session_id", 1).containsEntry("event_count", 2).containsEntry("sampled_seconds", 9000)
                .containsEntry("runtime_seconds", 10200).containsEntry("runtime_is_fallback", 0).containsEntry("outcome", "partial")
                .containsEntry("ended_at", "2025-01-10T22:35:00Z");
        assertThat(sessions.get(1)).containsEntry("outcome", "completed");
        assertThat(sessions.get(3)).containsEntry("item_id", "e2").containsEntry("outcome", "sampled");

        Map<String, Object> heat = app.rows("SELECT * FROM watch_hist_user_item_stats WHERE item_id = 'm1'").get(0);
        assertThat(heat).containsEntry("total_sessions", 2).containsEntry("completed_sessions", 1).containsEntry("partial_sessions", 1)
                .containsEntry("rewatch_count", 0).containsEntry("total_seconds", 18500).containsEntry("first_watched_at", "2025-01-10T20:00:00Z");
        assertThat(app.count("SELECT COUNT(*) FROM watch_hist_user_item_stats")).isEqualTo(3);

        String before = dump();
        FlowOutcome again = app.run("emby-sync-history");
        assertThat(again.ok()).isTrue();
        assertThat(again.result().read()).isZero();
        assertThat(again.result().counter("pairs_rebuilt")).isZero();
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void incrementalRunsReadOnlyNewRowsAndEqualAFullRebuild() throws Exception {
        emby.playbackReporting().add(new Play("2025-01-10 21:00:00", ALICE, "m1", "Movie", "Heat", 3000),
                new Play("2025-01-11 20:00:00", BOB, "e1", "Episode", "The Wire", 3500),
                new Play("2025-01-11 20:00:00", ALICE, "m2", "Movie", "Amélie", 7000));
        assertThat(app.run("emby-sync-history").ok()).isTrue();
        emby.playbackReporting().sql.clear();
        // Alice resumes Heat 10 minutes after the end of her first play: the new row must join the stored session.
        emby.playbackReporting().add(new Play("2025-01-10 22:00:00", ALICE, "m1", "Movie", "Heat", 7000),
                new Play("2025-01-12 20:00:00", BOB, "e2", "Episode", "The Wire", 3600));
        FlowOutcome o = app.run("emby-sync-history");
        assertThat(o.ok()).isTrue();
        assertThat(o.result().read()).isEqualTo(2);
        assertThat(emby.playbackReporting().sql.get(0)).contains("ROWID > 3");
        assertThat(o.result().counter("pairs_rebuilt")).isEqualTo(2);
        assertThat(app.rows("SELECT event_count, outcome FROM watch_hist_agg_sessions WHERE item_id = 'm1'"))
                .containsExactly(Map.of("event_count", 2, "outcome", "completed"));
        String incremental = dump();

        emby.playbackReporting().sql.clear();
        FlowOutcome full = app.run("emby-sync-history", Map.of("full", "true"));
        assertThat(full.ok()).isTrue();
        assertThat(full.result().read()).isEqualTo(5);
        assertThat(emby.playbackReporting().sql.get(0)).contains("ROWID > 0");
        assertThat(dump()).isEqualTo(incremental);
    }

    @Test
    void pairsMarkedDirtyByARunThatStoppedBeforeRebuildingAreRebuiltByTheNext() throws Exception {
        emby.playbackReporting().add(new Play("2025-01-10 21:00:00", ALICE, "m1", "Movie", "Heat", 3000),
                new Play("2025-01-11 20:00:00", BOB, "e1", "Episode", "The Wire", 3500));
        assertThat(app.run("emby-sync-history").ok()).isTrue();
        String good = dump();
        // What a run stopped between storing its events and rebuilding leaves: events stored, their pairs marked, no sessions.
        try (var c = app.app().store().connection(); var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM watch_hist_agg_sessions WHERE item_id = 'm1'");
            st.executeUpdate("DELETE FROM watch_hist_user_item_stats WHERE item_id = 'm1'");
            st.executeUpdate("INSERT INTO watch_hist_dirty_pairs (user_id, item_id) VALUES ('" + ALICE + "', 'm1')");
        }
        FlowOutcome o = app.run("emby-sync-history");
        assertThat(o.result().read()).isZero();
        assertThat(o.result().counter("pairs_rebuilt")).isEqualTo(1);
        assertThat(dump()).isEqualTo(good);
        assertThat(app.count("SELECT COUNT(*) FROM watch_hist_dirty_pairs")).isZero();
    }

    @Test
    void aRuntimeThatArrivesLaterRecomputesRatiosAndOutcomes() throws Exception {
        // An item the library does not have yet: kept, counted, fallback runtime (2 h for a movie).
        emby.playbackReporting().add(new Play("2025-01-10 21:00:00", ALICE, "m9", "Movie", "Brand New", 3000));
        FlowOutcome first = app.run("emby-sync-history");
        assertThat(first.result().counter("events_unknown_item")).isEqualTo(1);
        assertThat(app.rows("SELECT runtime_seconds, runtime_is_fallback, completion_ratio, outcome FROM watch_hist_agg_sessions"))
                .containsExactly(row(null, 1, 3000 / 7200.0, "partial"));

        List<com.fasterxml.jackson.databind.node.ObjectNode> items = new ArrayList<>();
        items.add(Items.movie("m9", "Brand New", 2025, 3_200, "Drama"));
        emby.setItems(items);
        assertThat(app.run("emby-sync-library", Map.of("force-prune", "true")).ok()).isTrue();
        FlowOutcome second = app.run("emby-sync-history");
        assertThat(second.result().read()).isZero();
        assertThat(second.result().counter("pairs_runtime_changed")).isEqualTo(1);
        assertThat(app.rows("SELECT runtime_seconds, runtime_is_fallback, completion_ratio, outcome FROM watch_hist_agg_sessions"))
                .containsExactly(row(3200, 0, 3000 / 3200.0, "completed"));
        assertThat(app.rows("SELECT max_completion_ratio, completed_sessions FROM watch_hist_user_item_stats"))
                .containsExactly(Map.of("max_completion_ratio", 3000 / 3200.0, "completed_sessions", 1));
        String after = dump();
        assertThat(app.run("emby-sync-history").result().counter("pairs_rebuilt")).isZero();
        assertThat(dump()).isEqualTo(after);
    }

    private static Map<String, Object> row(Object runtime, int fallback, double ratio, String outcome) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("runtime_seconds", runtime);
        m.put("runtime_is_fallback", fallback);
        m.put("completion_ratio", ratio);
        m.put("outcome", outcome);
        return m;
    }

    @Test
    void badRowsAreRejectedCountedAndListedUnknownUsersAndItemsAreKept() throws Exception {
        emby.playbackReporting().add(new Play("2025-01-10 21:00:00", ALICE, "m1", "Movie", "Heat", 3000),
                new Play("yesterday evening", ALICE, "m1", "Movie", "Heat", 3000),
                new Play("2025-01-10 22:00:00", BOB, "m2", "Movie", "Amélie", -5),
                new Play("2025-01-10 23:00:00", "deadbeefdeadbeefdeadbeefdeadbeef", "gone", "Movie", "Deleted", 100));
        FlowOutcome o = app.run("emby-sync-history");
        assertThat(o.ok()).isTrue();
        assertThat(o.result().skipped()).isEqualTo(2);
        assertThat(o.result().counter("events_rejected")).isEqualTo(2);
        assertThat(o.result().counter("events_unknown_user")).isEqualTo(1);
        assertThat(o.result().counter("events_unknown_item")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM watch_hist_raw_events")).isEqualTo(2);
        String errorText = (String) app.rows("SELECT error_text FROM flow_runs WHERE flow_id = 'emby-sync-history'").get(0).get("error_text");
        assertThat(errorText).contains("2 PlaybackActivity row(s) rejected").contains("ROWID 2 has an unreadable DateCreated 'yesterday evening'")
                .contains("ROWID 3 has a negative PlayDuration -5");
        assertThat(app.rows("SELECT user_name FROM watch_hist_raw_events WHERE item_id = 'gone'").get(0).get("user_name")).isNull();
    }

    @Test
    void withoutThePluginTheRunFailsInOneLineAndTouchesNothing() throws Exception {
        emby.playbackReporting().add(new Play("2025-01-10 21:00:00", ALICE, "m1", "Movie", "Heat", 3000));
        assertThat(app.run("emby-sync-history").ok()).isTrue();
        String before = dump();
        emby.playbackReporting().installed = false;
        FlowOutcome o = app.run("emby-sync-history", Map.of("full", "true"));
        assertThat(o.ok()).isFalse();
        assertThat(o.error()).doesNotContain("\n").contains("Playback Reporting plugin is not installed");
        assertThat(app.count("SELECT COUNT(*) FROM watch_hist_raw_events")).isEqualTo(1);
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void thePluginsQueryFailingWithAServerErrorIsRetriedThenOneLine() throws Exception {
        emby.wireMock().stubFor(post(urlPathEqualTo("/emby/user_usage_stats/submit_custom_query")).atPriority(0)
                .willReturn(aResponse().withStatus(502)));
        FlowOutcome o;
        String logged;
        try (io.mediahub.testing.LogCapture log = new io.mediahub.testing.LogCapture()) {
            o = app.run("emby-sync-history");
            logged = log.text();
        }

        assertThat(o.error()).isEqualTo("emby-sync-history failed: Emby at " + emby.url() + "/emby answered 502 Bad Gateway after 5 attempts");
        emby.wireMock().verify(5, postRequestedFor(urlPathEqualTo("/emby/user_usage_stats/submit_custom_query")));
        assertThat(logged.lines().filter(l -> l.endsWith("Emby POST /user_usage_stats/submit_custom_query: attempt 2 failed (502 Bad Gateway), retrying")))
                .hasSize(1);
        assertThat(logged).doesNotContain(FakeMediaServer.API_KEY);
    }
}
