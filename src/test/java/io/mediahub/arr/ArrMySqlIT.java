package io.mediahub.arr;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.store.Dialect;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.mediahub.testing.MySqlDatabase;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Radarr and Sonarr exports on a real MySQL/MariaDB store (V3 migration for MySQL, the repository's SQL, changes
 * between two runs, the analysis from the store). Skips without a server unless MEDIAHUB_REQUIRE_ALL=1, like MySqlStoreIT.
 */
class ArrMySqlIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final MySqlDatabase mysql = new MySqlDatabase();

    @Test
    void bothExportsAndTheAnalysisRunOnMySql() throws Exception {
        try (FakeArr radarr = new FakeArr(ArrService.RADARR); FakeArr sonarr = new FakeArr(ArrService.SONARR)) {
            radarr.json("/api/v3/movie", FakeArr.array(ArrExportScoresTest.firstMovies()));
            ArrExportScoresTest.sonarrLibrary(sonarr);
            Map<String, String> env = new java.util.HashMap<>(mysql.storeEnv());
            env.putAll(Map.of("RADARR_URL", radarr.url(), "RADARR_API_KEY", FakeArr.KEY, "SONARR_URL", sonarr.url(), "SONARR_API_KEY", FakeArr.KEY,
                    "ARR_CACHE_ENABLED", "false"));
            try (TestApp app = TestApp.start(dir, env)) {
                assertThat(app.app().store().dialect()).isEqualTo(Dialect.MYSQL);
                FlowOutcome r = app.run("radarr-export-scores");
                assertThat(r.ok()).as(String.valueOf(r.error())).isTrue();
                FlowOutcome s = app.run("sonarr-export-scores");
                assertThat(s.ok()).as(String.valueOf(s.error())).isTrue();
                assertThat(app.count("SELECT COUNT(*) FROM arr_files")).isEqualTo(10);

                radarr.json("/api/v3/movie", FakeArr.array(List.of(ArrExportScoresTest.firstMovies().get(0))));
                FlowOutcome second = app.run("radarr-export-scores");
                assertThat(second.result().counter("removed")).isEqualTo(4);
                ArrReports reports = app.app().bean("arrReports", ArrReports.class);
                ArrAnalysis a = reports.analyze(ArrService.RADARR, -50).orElseThrow();
                assertThat(a.statistics().total()).isEqualTo(1);
                assertThat(a.healthTrend()).hasSize(2);
                assertThat(reports.analyze(ArrService.SONARR, -50).orElseThrow().statistics().total()).isEqualTo(5);
            }
        }
    }
}
