package io.mediahub.arr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.store.Dialect;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Radarr and Sonarr exports on a real MySQL/MariaDB store (V3 migration for MySQL, the repository's SQL, changes
 * between two runs, the analysis from the store). Skips without a server unless MEDIAHUB_REQUIRE_ALL=1, like MySqlStoreIT.
 */
class ArrMySqlIT {
    @TempDir
    Path dir;

    private String database;
    private String serverUrl;
    private String user;
    private String password;

    @BeforeEach
    void createDatabase() throws Exception {
        serverUrl = System.getenv().getOrDefault("MEDIAHUB_IT_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/");
        user = System.getenv().getOrDefault("MEDIAHUB_IT_MYSQL_USER", "root");
        password = System.getenv().getOrDefault("MEDIAHUB_IT_MYSQL_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            database = "mediahub_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            s.executeUpdate("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (java.sql.SQLException e) {
            if ("1".equals(System.getenv("MEDIAHUB_REQUIRE_ALL"))) {
                throw new AssertionError("MySQL/MariaDB is required (MEDIAHUB_REQUIRE_ALL=1) but " + serverUrl + " is not reachable: " + e.getMessage(), e);
            }
            assumeTrue(false, "Skipped: no MySQL/MariaDB server at " + serverUrl + " (" + e.getMessage() + "); set MEDIAHUB_IT_MYSQL_URL");
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (database != null) {
            try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
                s.executeUpdate("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    @Test
    void bothExportsAndTheAnalysisRunOnMySql() throws Exception {
        try (FakeArr radarr = new FakeArr(ArrService.RADARR); FakeArr sonarr = new FakeArr(ArrService.SONARR)) {
            radarr.json("/api/v3/movie", FakeArr.array(ArrExportScoresTest.firstMovies()));
            ArrExportScoresTest.sonarrLibrary(sonarr);
            Map<String, String> env = Map.of("MEDIAHUB_DB_URL", serverUrl + database, "MEDIAHUB_DB_USER", user, "MEDIAHUB_DB_PASSWORD", password,
                    "RADARR_URL", radarr.url(), "RADARR_API_KEY", FakeArr.KEY, "SONARR_URL", sonarr.url(), "SONARR_API_KEY", FakeArr.KEY,
                    "ARR_CACHE_ENABLED", "false");
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
