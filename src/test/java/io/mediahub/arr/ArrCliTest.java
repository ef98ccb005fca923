package io.mediahub.arr;

import io.mediahub.testing.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahub.cli.MediahubCommand;
import io.mediahub.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export arr, arr analyze, arr report and arr validate as users call them, against fake Radarr and Sonarr. */
class ArrCliTest {
    @TempDir
    Path dir;

    private final CliRunner runner = new CliRunner();
    private final ByteArrayOutputStream out = runner.out;
    private final ByteArrayOutputStream err = runner.err;
    private FakeArr radarr;
    private FakeArr sonarr;

    private int cli(Map<String, String> env, String... args) {
        return runner.run(() -> TestApp.settings(dir.resolve("data"), env), args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @AfterEach
    void reset() {
        MediahubCommand.useSettings(io.mediahub.config.Settings::load);
        if (radarr != null) {
            radarr.close();
        }
        if (sonarr != null) {
            sonarr.close();
        }
    }

    private Map<String, String> env() {
        radarr = new FakeArr(ArrService.RADARR);
        radarr.json("/api/v3/movie", FakeArr.array(ArrExportScoresTest.firstMovies()));
        sonarr = new FakeArr(ArrService.SONARR);
        ArrExportScoresTest.sonarrLibrary(sonarr);
        Map<String, String> e = new HashMap<>();
        e.put("RADARR_URL", radarr.url());
        e.put("RADARR_API_KEY", FakeArr.KEY);
        e.put("SONARR_URL", sonarr.url());
        e.put("SONARR_API_KEY", FakeArr.KEY);
        return e;
    }

    @Test
    void analyzeAndReportOnAnEmptyStoreSayToExportFirst() {
        Map<String, String> env = Map.of();
        assertThat(cli(env, "arr", "analyze", "--service", "radarr")).isEqualTo(1);
        assertThat(stderr()).contains("No Radarr export in the store yet: run mediahub export arr --service radarr");
        assertThat(cli(env, "arr", "report", "--service", "sonarr")).isEqualTo(1);
        assertThat(stderr()).contains("No Sonarr export in the store yet: run mediahub export arr --service sonarr").doesNotContain("No sonarr");
        assertThat(cli(env, "arr", "report")).isEqualTo(1);
        assertThat(stderr()).contains("No Radarr or Sonarr export in the store yet: run mediahub export arr").doesNotContain("No all");
        assertThat(cli(env, "export", "arr")).isEqualTo(2);
        assertThat(stderr()).contains("RADARR_URL");
        assertThat(cli(env, "arr", "validate")).isEqualTo(2);
    }

    @Test
    void exportWritesCsvJsonAndHtmlWhereAskedAndSummarises() throws Exception {
        Map<String, String> env = env();
        Path csv = dir.resolve("out csv");
        Path json = dir.resolve("out-json");
        Path html = dir.resolve("html").resolve("dash.html");

        int code = cli(env, "export", "arr", "--csv", csv.toString(), "--json", json.toString(), "--html", html.toString());

        assertThat(code).as(stderr()).isEqualTo(0);
        assertThat(stdout()).contains("radarr-export-scores ok").contains("sonarr-export-scores ok")
                .containsPattern("Radarr: 5 files, 1 missing, \\d+ below cutoff, health [0-9.]+ \\([A-F]\\)")
                .containsPattern("Sonarr: 5 files, 1 missing");
        List<Path> csvs;
        try (Stream<Path> s = Files.list(csv)) {
            csvs = s.sorted().toList();
        }
        assertThat(csvs).hasSize(2);
        List<String> radarrCsv = Files.readAllLines(csvs.get(0));
        assertThat(csvs.get(0).getFileName().toString()).matches("radarr_scores_\\d{8}_\\d{6}\\.csv");
        assertThat(radarrCsv.get(0)).startsWith("Title,Year,File,Total_Score,Quality_Profile,Quality,Resolution,Codec,Size_GB,IMDB_ID,TMDB_ID,Custom_Formats,Recorded_At,");
        assertThat(radarrCsv).anyMatch(l -> l.startsWith("Alpha,2001,Alpha (2001)/Alpha.mkv,150,HD-1080p,Bluray-1080p,1080p,x265,10.00,tt100001,1001,"
                + "TrueHD ATMOS (+50); Tier 01 (+100),"));
        assertThat(radarrCsv).anyMatch(l -> l.startsWith("Gamma <script>alert(1)</script>,2003,\"Gamma/Gamma, \"\"the\"\" film.mkv\",0,Ultra-HD"));
        List<String> sonarrCsv = Files.readAllLines(csvs.get(1));
        assertThat(sonarrCsv).anyMatch(l -> l.startsWith("Show One,S01E03-E04,Three,S01E03-E04.mkv,0,HD-1080p,WEBDL-720p,720p,x264,4.00,HBO,2021-01-03,70001,,"));

        JsonNode j;
        try (Stream<Path> s = Files.list(json)) {
            j = FakeArr.JSON.readTree(s.filter(p -> p.getFileName().toString().startsWith("sonarr_scores_")).findFirst().orElseThrow().toFile());
        }
        assertThat(j.path("export_info").path("service_type").asText()).isEqualTo("sonarr");
        assertThat(j.path("export_info").path("total_files").asInt()).isEqualTo(5);
        assertThat(j.path("export_info").has("exported_at")).isTrue();
        assertThat(j.path("export_info").has("exporter_version")).isTrue();
        assertThat(j.path("files")).hasSize(5);
        assertThat(j.path("files").get(0).path("total_score").isInt()).isTrue();

        String page = Files.readString(html);
        assertThat(page).contains("id=\"radarr\"").contains("id=\"sonarr\"").doesNotContain(FakeArr.KEY);
        for (Path p : List.of(csvs.get(0), csvs.get(1))) {
            assertThat(Files.readString(p)).doesNotContain(FakeArr.KEY);
        }
        assertThat(stdout() + stderr()).doesNotContain(FakeArr.KEY);
        assertThat(dir.resolve("data").resolve("reports").resolve("arr-dashboard.html")).exists();

        // from the store only
        radarr.close();
        Path analysis = dir.resolve("analysis.json");
        assertThat(cli(env, "arr", "analyze", "--service", "radarr", "--limit", "2", "--json", analysis.toString())).as(stderr()).isEqualTo(0);
        assertThat(stdout()).contains("CRITICAL").contains("Beta").contains("candidate(s), 2 shown");
        JsonNode a = FakeArr.JSON.readTree(analysis.toFile());
        assertThat(a.has("generated_at")).isTrue();
        assertThat(a.path("health_report").path("grade").asText()).matches("[A-F]");
        assertThat(a.path("upgrade_candidates")).hasSize(2);
        assertThat(a.path("upgrade_candidates").get(0).path("priority").asText()).isEqualTo("CRITICAL");

        Path report = dir.resolve("report.html");
        assertThat(cli(env, "arr", "report", "--service", "all", "--html", report.toString(), "--limit", "1")).as(stderr()).isEqualTo(0);
        assertThat(Files.readString(report)).contains("Upgrade candidates");
    }

    @Test
    void aPartialRunExitsFourPrintsTheReasonNotifiesAndShowsInFlows() {
        sonarr = new FakeArr(ArrService.SONARR);
        ArrExportScoresTest.sonarrLibrary(sonarr);
        sonarr.server.stubFor(FakeArr.authed(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v3/episodefile")).withQueryParam("seriesId",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("2"))).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)));
        sonarr.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/hook"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok()));
        Map<String, String> env = Map.of("SONARR_URL", sonarr.url(), "SONARR_API_KEY", FakeArr.KEY, "ARR_CACHE_ENABLED", "false",
                "MEDIAHUB_NOTIFY_URL", sonarr.url() + "/hook");
        String reason = "1 series could not be listed (Broken Show); their files from the previous run were kept";

        assertThat(cli(env, "run", "sonarr-export-scores")).as(stderr()).isEqualTo(4);
        assertThat(stdout()).containsPattern("sonarr-export-scores partial in \\d+\\.\\d s: " + java.util.regex.Pattern.quote(reason));
        sonarr.server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/hook"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.status",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("partial"))));

        assertThat(cli(env, "flows")).isZero();
        assertThat(stdout()).containsPattern("sonarr-export-scores .* partial: 1 series could not be listed");

        assertThat(cli(env, "export", "arr", "--service", "sonarr")).as(stderr()).isEqualTo(4);
        assertThat(stdout()).contains("sonarr-export-scores partial in ").contains("Sonarr: 4 files");
    }

    @Test
    void aNamedInstanceIsExportedAnalysedAndReportedUnderItsOwnName() throws Exception {
        radarr = new FakeArr(ArrService.RADARR);
        radarr.json("/api/v3/movie", FakeArr.array(ArrExportScoresTest.firstMovies()));
        try (FakeArr uhd = new FakeArr(ArrService.RADARR)) {
            uhd.json("/api/v3/movie", FakeArr.array(List.of(ArrExportScoresTest.firstMovies().get(0))));
            Map<String, String> env = Map.of("RADARR_URL", radarr.url(), "RADARR_API_KEY", FakeArr.KEY, "RADARR_4K_URL", uhd.url(),
                    "RADARR_4K_API_KEY", FakeArr.KEY, "ARR_CACHE_ENABLED", "false");
            assertThat(cli(env, "arr", "report", "--service", "radarr-4k")).isEqualTo(1);
            assertThat(stderr()).contains("No Radarr 4k export in the store yet: run mediahub export arr --service radarr-4k");
            assertThat(cli(env, "arr", "analyze", "--service", "radarr-hd")).isEqualTo(2);
            assertThat(stderr()).contains("radarr, radarr-4k, sonarr");

            Path csv = dir.resolve("csv");
            assertThat(cli(env, "export", "arr", "--service", "all", "--csv", csv.toString())).as(stderr()).isEqualTo(0);
            assertThat(stdout()).contains("radarr-export-scores ok").contains("radarr-4k-export-scores ok")
                    .contains("Radarr: 5 files").contains("Radarr 4k: 1 files");
            try (Stream<Path> files = Files.list(csv)) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).satisfiesExactly(
                        n -> assertThat(n).matches("radarr-4k_scores_\\d{8}_\\d{6}\\.csv"),
                        n -> assertThat(n).matches("radarr_scores_\\d{8}_\\d{6}\\.csv"));
            }

            assertThat(cli(env, "arr", "analyze", "--service", "radarr-4k")).as(stderr()).isEqualTo(0);
            assertThat(stdout()).startsWith("Radarr 4k — run ").contains(": 1 files");
            assertThat(cli(env, "flows")).isZero();
            assertThat(stdout()).containsPattern("radarr-4k-export-scores +yes");
        }
    }

    @Test
    void validatePrintsEachServicesVersionAndFailsOnAWrongKey() {
        Map<String, String> env = env();
        assertThat(cli(env, "arr", "validate")).as(stderr()).isEqualTo(0);
        assertThat(stdout()).contains("Radarr 5.28.0.10274 at " + radarr.url() + ": ok").contains("Sonarr 4.0.19.2979");

        Map<String, String> wrong = new HashMap<>(env);
        wrong.put("SONARR_API_KEY", "nope");
        wrong.put("RADARR_URL", sonarr.url());
        assertThat(cli(wrong, "arr", "validate")).isEqualTo(1);
        assertThat(stderr()).contains("SONARR_API_KEY").contains("is Sonarr, not Radarr");
    }
}
