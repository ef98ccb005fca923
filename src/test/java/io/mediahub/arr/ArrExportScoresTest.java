package io.mediahub.arr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.mediahub.arr.FakeArr.array;
import static io.mediahub.arr.FakeArr.episode;
import static io.mediahub.arr.FakeArr.file;
import static io.mediahub.arr.FakeArr.movie;
import static io.mediahub.arr.FakeArr.series;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** radarr-export-scores and sonarr-export-scores against fake Radarr and Sonarr built from the real v3 specs. */
class ArrExportScoresTest {
    static final long GB = 1024L * 1024 * 1024;

    @TempDir
    Path dir;

    private FakeArr radarr;
    private FakeArr sonarr;
    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (radarr != null) {
            radarr.close();
        }
        if (sonarr != null) {
            sonarr.close();
        }
    }

    /** The first Radarr library: scores by the service and by the profile, an unknown profile, no media info, a nameless format. */
    static List<com.fasterxml.jackson.databind.node.ObjectNode> firstMovies() {
        return List.of(
                movie(1, "Alpha", 2001, 1, file(11, "Alpha (2001)/Alpha.mkv", 10 * GB, "Bluray-1080p", 1080, "1920x800", "x265", 150, false, 1, 5)),
                movie(2, "Beta", 2002, 1, file(12, "Beta (2002)/Beta.mkv", 30 * GB, "WEBDL-1080p", 1080, "1920x1080", "x264", 0, true, 6)),
                movie(3, "Gamma <script>alert(1)</script>", 2003, 2,
                        file(13, "Gamma/Gamma, \"the\" film.mkv", 50 * GB, "Bluray-2160p", 2160, "3840x2160", "x265", 0, true)),
                movie(4, "Delta", 2004, 99, file(14, "Delta/Delta.mkv", 5 * GB, "WEBDL-1080p", 1080, "1920x1080", "h264", 0, false, 3)),
                movie(5, "Epsilon", 2005, 1, null),
                movie(6, "Zeta", 2006, 1, file(16, "Zeta/Zeta.avi", 1 * GB, "HDTV-720p", 720, null, null, 0, false, 7)));
    }

    private Map<String, String> env(String... extra) {
        Map<String, String> e = new HashMap<>();
        if (radarr != null) {
            e.put("RADARR_URL", radarr.url());
            e.put("RADARR_API_KEY", FakeArr.KEY);
        }
        if (sonarr != null) {
            e.put("SONARR_URL", sonarr.url() + "/");
            e.put("SONARR_API_KEY", FakeArr.KEY);
        }
        for (int i = 0; i < extra.length; i += 2) {
            e.put(extra[i], extra[i + 1]);
        }
        return e;
    }

    @Test
    void radarrFilesAreScoredStoredAndShownInTheDashboard() throws Exception {
        radarr = new FakeArr(ArrService.RADARR);
        radarr.json("/api/v3/movie", array(firstMovies()));
        app = TestApp.start(dir, env());

        FlowOutcome o = app.run("radarr-export-scores");

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        assertThat(o.result().counter("files")).isEqualTo(5);
        assertThat(o.result().counter("missing")).isEqualTo(1);
        assertThat(o.result().counter("unknown_profiles")).isEqualTo(1);
        assertThat(o.result().counter("formats_without_name")).isEqualTo(1);
        assertThat(o.result().counter("new_file")).isEqualTo(5);
        List<Map<String, Object>> runs = app.rows("SELECT * FROM arr_runs");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).containsEntry("status", "ok").containsEntry("service", "radarr").containsEntry("version", "5.28.0.10274")
                .containsEntry("instance", radarr.url());
        Map<String, Map<String, Object>> files = new HashMap<>();
        app.rows("SELECT * FROM arr_files").forEach(r -> files.put((String) r.get("item_key"), r));
        assertThat(files.get("movie:1")).containsEntry("total_score", 150).containsEntry("resolution", "1080p").containsEntry("year", 2001)
                .containsEntry("meets_cutoff_score", 1).containsEntry("profile_name", "HD-1080p").containsEntry("imdb_id", "tt100001");
        // customFormatScore 0: the sum of the profile's scores of its formats
        assertThat(files.get("movie:2")).containsEntry("total_score", -60).containsEntry("meets_cutoff_score", 0).containsEntry("quality_cutoff_met", 0);
        assertThat(files.get("movie:3")).containsEntry("resolution", "2160p").containsEntry("upgrade_allowed", 0);
        assertThat(files.get("movie:4")).containsEntry("profile_name", "Unknown profile 99").containsEntry("total_score", 0);
        assertThat(files.get("movie:6")).containsEntry("resolution", "720p").containsEntry("codec", "Unknown");
        assertThat((String) files.get("movie:6").get("custom_formats")).contains("(unnamed format 7)");
        assertThat(app.count("SELECT COUNT(*) FROM arr_profiles")).isEqualTo(2);
        assertThat(app.count("SELECT COUNT(*) FROM flow_runs WHERE flow_id = 'radarr-export-scores' AND status = 'ok'")).isEqualTo(1);

        Path dashboard = dir.resolve("reports").resolve("arr-dashboard.html");
        String html = Files.readString(dashboard);
        assertThat(html).contains("Gamma &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)").doesNotContain(FakeArr.KEY)
                .doesNotContain("cdn.").contains("new Chart(");
        assertThat(radarr.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/api/v3/movie")))
                .get(0).getHeader("X-Api-Key")).isEqualTo(FakeArr.KEY);
    }

    @Test
    void sonarrMapsEpisodeFilesAndASeriesThatFailsMakesTheRunPartial() throws Exception {
        sonarr = new FakeArr(ArrService.SONARR);
        sonarrLibrary(sonarr);
        sonarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo("/api/v3/episodefile")).withQueryParam("seriesId", equalTo("2"))).atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        app = TestApp.start(dir, env());

        FlowOutcome o = app.run("sonarr-export-scores");

        String reason = "1 series could not be listed (Broken Show); their files from the previous run were kept";
        assertThat(o.status()).as(String.valueOf(o.error())).isEqualTo(FlowOutcome.Status.PARTIAL);
        assertThat(o.error()).isEqualTo(reason);
        assertThat(o.result().counter("series_failed")).isEqualTo(1);
        assertThat(app.rows("SELECT status, failed_items, items_without_file, error_text FROM arr_runs").get(0)).containsEntry("status", "partial")
                .containsEntry("failed_items", 1).containsEntry("items_without_file", 1).containsEntry("error_text", reason);
        assertThat(app.rows("SELECT status, error_text FROM flow_runs WHERE flow_id = 'sonarr-export-scores'").get(0))
                .containsEntry("status", "partial").containsEntry("error_text", reason);
        Map<String, Map<String, Object>> files = new HashMap<>();
        app.rows("SELECT * FROM arr_files").forEach(r -> files.put((String) r.get("item_key"), r));
        assertThat(files).containsOnlyKeys("series:1:S01E01", "series:1:S01E02", "series:1:S01E03-E04", "series:3:S02E01");
        assertThat(files.get("series:1:S01E03-E04")).containsEntry("episode_title", "Three").containsEntry("air_date", "2021-01-03")
                .containsEntry("network", "HBO").containsEntry("tvdb_id", 70001).containsEntry("title", "Show One");
        assertThat(files.get("series:3:S02E01")).containsEntry("profile_name", "Ultra-HD");
    }

    static void sonarrLibrary(FakeArr sonarr) {
        sonarr.json("/api/v3/series", array(List.of(series(1, "Show One", 1, "HBO"), series(2, "Broken Show", 1, "ABC"), series(3, "Show Three", 2, "BBC"))));
        sonarrSeries(sonarr, 1, List.of(episode(101, 1, 1, 1, "One", 201), episode(102, 1, 1, 2, "Two", 202), episode(103, 1, 1, 3, "Three", 203),
                        episode(104, 1, 1, 4, "Four", 203), episode(105, 1, 1, 5, "Five", 0)),
                List.of(file(201, "S01E01.mkv", 2 * GB, "WEBDL-1080p", 1080, "1920x1080", "x264", 130, false, 1, 5),
                        file(202, "S01E02.mkv", 2 * GB, "WEBDL-1080p", 1080, "1920x1080", "x264", 0, false, 6),
                        file(203, "S01E03-E04.mkv", 4 * GB, "WEBDL-720p", 720, "1280x720", "x264", 0, false)));
        sonarrSeries(sonarr, 2, List.of(episode(201, 2, 1, 1, "B1", 301)), List.of(file(301, "B.mkv", GB, "WEBDL-1080p", 1080, "1920x1080", "x264", 0, false)));
        sonarrSeries(sonarr, 3, List.of(episode(301, 3, 2, 1, "Pilot", 401)),
                List.of(file(401, "S02E01.mkv", 8 * GB, "Bluray-2160p", 2160, "3840x2160", "x265", 350, false, 2, 5)));
    }

    static void sonarrSeries(FakeArr sonarr, long seriesId, List<com.fasterxml.jackson.databind.node.ObjectNode> episodes,
                             List<com.fasterxml.jackson.databind.node.ObjectNode> files) {
        files.forEach(f -> f.put("seriesId", seriesId).put("seasonNumber", episodes.get(0).path("seasonNumber").asInt()));
        sonarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo("/api/v3/episode")).withQueryParam("seriesId", equalTo(String.valueOf(seriesId))))
                .willReturn(FakeArr.ok(array(episodes))));
        sonarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo("/api/v3/episodefile")).withQueryParam("seriesId", equalTo(String.valueOf(seriesId))))
                .willReturn(FakeArr.ok(array(files))));
    }

    @Test
    void aWrongKeyFailsFastWithOneLineNamingTheVariable() throws Exception {
        radarr = new FakeArr(ArrService.RADARR);
        radarr.json("/api/v3/movie", array(firstMovies()));
        app = TestApp.start(dir, env("RADARR_API_KEY", "wrong-key-123"));

        FlowOutcome o = app.run("radarr-export-scores");

        assertThat(o.ok()).isFalse();
        assertThat(o.error()).contains("401").contains("RADARR_API_KEY").doesNotContain("wrong-key-123").doesNotContain("\n");
        assertThat(app.rows("SELECT status, error_text FROM arr_runs").get(0)).containsEntry("status", "failed");
        assertThat(radarr.requests("/api/v3/movie")).isZero();
    }

    @Test
    void aServiceWithoutItsSettingsIsDisabledNotAnError() throws Exception {
        app = TestApp.start(dir, env());
        assertThat(app.app().catalog().enabled(ArrFlows.RADARR)).isFalse();
        assertThat(app.app().catalog().missingSetting(ArrFlows.SONARR)).contains("sonarr.url");
    }

    @Test
    void transientFailuresAreRetriedAndOnlyProfilesAndFormatsAreCachedUnlessNoCache() throws Exception {
        radarr = new FakeArr(ArrService.RADARR);
        String body = FakeArr.JSON.writeValueAsString(array(firstMovies()));
        radarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo("/api/v3/movie"))).atPriority(1).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("one"));
        radarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo("/api/v3/movie"))).atPriority(1).inScenario("flaky").whenScenarioStateIs("one")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("two"));
        radarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo("/api/v3/movie"))).atPriority(1).inScenario("flaky").whenScenarioStateIs("two")
                .willReturn(FakeArr.ok(body)));
        app = TestApp.start(dir, env());

        FlowOutcome first = app.run("radarr-export-scores");
        assertThat(first.ok()).isTrue();
        assertThat(radarr.requests("/api/v3/movie")).isEqualTo(3);
        assertThat(first.result().counter("requests")).isEqualTo(6); // status, profiles, formats, three attempts at the movies

        // an upgrade made within the cache's hour is seen: the movie list is never cached
        radarr.server.resetScenarios();
        radarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo("/api/v3/movie"))).atPriority(1).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(FakeArr.ok(array(List.of(
                        movie(1, "Alpha", 2001, 1, file(11, "Alpha (2001)/Alpha.mkv", 10 * GB, "Bluray-1080p", 1080, "1920x800", "x265", 250, false, 1, 5)))))));
        FlowOutcome second = app.run("radarr-export-scores");
        assertThat(second.ok()).isTrue();
        assertThat(second.result().counter("improved")).isEqualTo(1);
        assertThat(radarr.requests("/api/v3/movie")).isEqualTo(4);
        assertThat(radarr.requests("/api/v3/system/status")).isEqualTo(2);
        assertThat(radarr.requests("/api/v3/qualityprofile")).isEqualTo(1);
        assertThat(radarr.requests("/api/v3/customformat")).isEqualTo(1);

        assertThat(app.run("radarr-export-scores", Map.of("no-cache", "true")).ok()).isTrue();
        assertThat(radarr.requests("/api/v3/movie")).isEqualTo(5);
        assertThat(radarr.requests("/api/v3/qualityprofile")).isEqualTo(2);
        assertThat(Files.list(dir.resolve("cache").resolve("arr")).toList()).hasSize(2)
                .allSatisfy(f -> assertThat(Files.readString(f)).doesNotContain(FakeArr.KEY));
    }

    @Test
    void aSecondRunRecordsUpgradesDowngradesReplacementsAndDeletions() throws Exception {
        radarr = new FakeArr(ArrService.RADARR);
        radarr.json("/api/v3/movie", array(firstMovies()));
        app = TestApp.start(dir, env("ARR_CACHE_ENABLED", "false"));
        assertThat(app.run("radarr-export-scores").ok()).isTrue();

        radarr.json("/api/v3/movie", array(List.of(
                movie(1, "Alpha", 2001, 1, file(11, "Alpha (2001)/Alpha.mkv", 10 * GB, "Bluray-1080p", 1080, "1920x800", "x265", 250, false, 1, 5)),
                movie(2, "Beta", 2002, 1, file(22, "Beta (2002)/Beta.Remux.mkv", 30 * GB, "Bluray-1080p", 1080, "1920x1080", "x265", 100, false, 5)),
                movie(4, "Delta", 2004, 99, file(14, "Delta/Delta.mkv", 5 * GB, "WEBDL-1080p", 1080, "1920x1080", "h264", -10, false, 3)),
                movie(5, "Epsilon", 2005, 1, null),
                movie(6, "Zeta", 2006, 1, file(16, "Zeta/Zeta.avi", 1 * GB, "HDTV-720p", 720, null, null, 0, false, 7)),
                movie(7, "Eta", 2007, 1, file(17, "Eta/Eta.mkv", 3 * GB, "WEBDL-1080p", 1080, "1920x1080", "x264", 80, false, 1)))));
        FlowOutcome o = app.run("radarr-export-scores");

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        List<Map<String, Object>> changes = app.rows("SELECT c.item_key, c.file_id, c.change_type, c.reason, c.previous_score, c.score FROM arr_score_changes c "
                + "JOIN arr_runs r ON r.arr_run_id = c.arr_run_id WHERE r.arr_run_id = (SELECT MAX(arr_run_id) FROM arr_runs) ORDER BY c.item_key, c.change_type");
        assertThat(changes).extracting(r -> r.get("item_key") + " " + r.get("file_id") + " " + r.get("change_type") + " " + r.get("reason") + " "
                + r.get("previous_score") + "->" + r.get("score")).containsExactly(
                "movie:1 11 improved null 150->250",
                "movie:2 22 new_file null -60->100",
                "movie:2 12 removed replaced -60->null",
                "movie:3 13 removed deleted 0->null",
                "movie:4 14 degraded null 0->-10",
                "movie:7 17 new_file null null->80");
        assertThat(app.count("SELECT COUNT(*) FROM arr_files WHERE arr_run_id = (SELECT MAX(arr_run_id) FROM arr_runs)")).isEqualTo(5);
        assertThat(app.count("SELECT COUNT(*) FROM arr_runs WHERE status = 'ok'")).isEqualTo(2);

        // the same answer again changes nothing
        FlowOutcome again = app.run("radarr-export-scores");
        assertThat(again.result().counter("improved") + again.result().counter("degraded") + again.result().counter("new_file")
                + again.result().counter("removed")).isZero();
    }

    @Test
    void aPartialRunKeepsTheFailedSeriesFilesAndDeletesNothing() throws Exception {
        sonarr = new FakeArr(ArrService.SONARR);
        sonarrLibrary(sonarr);
        app = TestApp.start(dir, env("ARR_CACHE_ENABLED", "false"));
        assertThat(app.run("sonarr-export-scores").ok()).isTrue();
        assertThat(app.count("SELECT COUNT(*) FROM arr_files")).isEqualTo(5);

        sonarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo("/api/v3/episode")).withQueryParam("seriesId", equalTo("2"))).atPriority(1)
                .willReturn(aResponse().withStatus(502)));
        FlowOutcome o = app.run("sonarr-export-scores");

        assertThat(o.status()).isEqualTo(FlowOutcome.Status.PARTIAL);
        assertThat(o.result().counter("removed")).isZero();
        assertThat(o.result().counter("files_carried_over")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM arr_files WHERE arr_run_id = 2 AND item_key = 'series:2:S01E01'")).isEqualTo(1);
    }

    @Test
    void aNamedInstanceIsExportedStoredAndComparedOnlyWithItsOwnRuns() throws Exception {
        radarr = new FakeArr(ArrService.RADARR);
        radarr.json("/api/v3/movie", array(firstMovies()));
        try (FakeArr uhd = new FakeArr(ArrService.RADARR)) {
            uhd.json("/api/v3/movie", array(List.of(
                    movie(1, "Alpha", 2001, 2, file(91, "Alpha (2001)/Alpha.2160p.mkv", 60 * GB, "Bluray-2160p", 2160, "3840x2160", "x265", 300, false, 2)))));
            app = TestApp.start(dir, env("RADARR_4K_URL", uhd.url(), "RADARR_4K_API_KEY", FakeArr.KEY, "ARR_CACHE_ENABLED", "false",
                    "ARR_RETENTION_DAYS", "100000"));
            try (var c = app.app().store().connection(); var st = c.createStatement()) { // a run recorded before instances had names
                st.executeUpdate("INSERT INTO arr_runs (service, instance, started_at, finished_at, status) "
                        + "VALUES ('radarr', 'http://old', '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z', 'failed')");
            }
            assertThat(app.app().catalog().ids()).contains("radarr-export-scores", "radarr-4k-export-scores", "sonarr-export-scores");

            assertThat(app.run("radarr-export-scores").ok()).isTrue();
            FlowOutcome first4k = app.run("radarr-4k-export-scores");
            assertThat(first4k.ok()).as(String.valueOf(first4k.error())).isTrue();
            // compared with nothing (its first run), not with the other Radarr's 5 files
            assertThat(first4k.result().counter("new_file")).isEqualTo(1);
            assertThat(first4k.result().counter("removed")).isZero();

            FlowOutcome again = app.run("radarr-export-scores");
            assertThat(again.result().counter("new_file") + again.result().counter("removed") + again.result().counter("improved")
                    + again.result().counter("degraded")).isZero();
            FlowOutcome again4k = app.run("radarr-4k-export-scores");
            assertThat(again4k.result().counter("new_file") + again4k.result().counter("removed")).isZero();

            assertThat(app.rows("SELECT instance_name, instance, status, files FROM arr_runs ORDER BY arr_run_id"))
                    .extracting(r -> r.get("instance_name") + " " + r.get("status") + " " + r.get("files")).containsExactly(
                            " failed 0", " ok 5", "4k ok 1", " ok 5", "4k ok 1");
            assertThat(app.rows("SELECT instance FROM arr_runs WHERE instance_name = '4k'").get(0)).containsEntry("instance", uhd.url());
            String html = Files.readString(dir.resolve("reports").resolve("arr-dashboard.html"));
            assertThat(html).contains("id=\"radarr\"").contains("id=\"radarr-4k\"").contains("Radarr 4k");
            assertThat(uhd.requests("/api/v3/movie")).isEqualTo(2);
            assertThat(radarr.requests("/api/v3/movie")).isEqualTo(2);
        }
    }

    @Test
    void retentionRemovesOldRunsButKeepsTheNewest() throws Exception {
        radarr = new FakeArr(ArrService.RADARR);
        radarr.json("/api/v3/movie", array(firstMovies()));
        app = TestApp.start(dir, env("ARR_CACHE_ENABLED", "false", "ARR_RETENTION_DAYS", "30"));
        assertThat(app.run("radarr-export-scores").ok()).isTrue();
        try (var c = app.app().store().connection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE arr_runs SET started_at = '2020-01-01T00:00:00Z'"); // 31+ days ago
        }
        assertThat(app.run("radarr-export-scores").ok()).isTrue();
        assertThat(app.count("SELECT COUNT(*) FROM arr_runs")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(DISTINCT arr_run_id) FROM arr_files")).isEqualTo(1);
        assertThat(app.count("SELECT COUNT(*) FROM arr_score_changes")).isZero(); // the first run's new_file rows went with it

        // the newest run is kept however old it is
        try (var c = app.app().store().connection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE arr_runs SET started_at = '2020-01-01T00:00:00Z'");
        }
        radarr.json("/api/v3/movie", array(List.of()));
        radarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo("/api/v3/movie"))).atPriority(1).willReturn(aResponse().withStatus(500)));
        assertThat(app.run("radarr-export-scores").ok()).isFalse();
        assertThat(app.count("SELECT COUNT(*) FROM arr_runs WHERE status = 'ok'")).isEqualTo(1);
    }
}
