package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.store.Dialect;
import io.mediahub.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake on a MySQL/MariaDB store: V4 migrates, a drop is filed, a duplicate recorded, the library scan agrees. */
class IntakeMySqlIT {
    @TempDir
    Path dir;

    private String database;
    private String serverUrl;
    private String user;
    private String password;

    @BeforeEach
    void createDatabase() throws Exception {
        TestMedia.requireTools();
        serverUrl = "jdbc:mariadb://127.0.0.1:3306/";
        user = "root";
        password = "";
        boolean required = "1".equals(System.getenv("MEDIAHUB_REQUIRE_ALL"));
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            database = "mediahub_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            s.executeUpdate("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (java.sql.SQLException e) {
            if (required) {
                throw new AssertionError("MySQL/MariaDB is required (MEDIAHUB_REQUIRE_ALL=1) but " + serverUrl + " is not reachable: " + e.getMessage(), e);
            }
            assumeTrue(false, "Skipped: no MySQL/MariaDB server at " + serverUrl + " (" + e.getMessage() + ")");
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
    void aDropIsFiledAndADuplicateRecordedOnMySql() throws Exception {
        Path inbox = dir.resolve("data/inbox");
        Path first = TestMedia.video(inbox.resolve("Some.Movie.2020.mkv"), 1, 4000, Map.of());
        Path copy = dir.resolve("copy.mkv");
        Files.copy(first, copy);
        Map<String, String> env = Map.of("MEDIAHUB_DB_URL", serverUrl + database, "MEDIAHUB_DB_USER", user, "MEDIAHUB_DB_PASSWORD", password,
                "MEDIAHUB_LIBRARY_DIR", dir.resolve("library").toString(), "INTAKE_SETTLE_TIME", "0");
        try (TestApp app = TestApp.start(dir.resolve("data"), env)) {
            assertThat(app.app().store().dialect()).isEqualTo(Dialect.MYSQL);
            assertThat(app.run("intake-scan-inbox").ok()).isTrue();
            Files.copy(copy, inbox.resolve("Some Movie copy.mkv"));
            FlowOutcome again = app.run("intake-scan-inbox");
            assertThat(again.ok()).as(String.valueOf(again.error())).isTrue();
            var rows = app.rows("SELECT path, status, year, width FROM media ORDER BY media_id");
            assertThat(rows).extracting(r -> r.get("status")).containsExactly("unidentified", "duplicate");
            assertThat(rows.get(0)).containsEntry("path", "movies/Some Movie (2020)/Some Movie (2020).mkv").containsEntry("year", 2020)
                    .containsEntry("width", 64);
            assertThat(rows.get(1)).containsEntry("path", null);
            FlowOutcome scan = app.run("library-scan");
            assertThat(scan.ok()).as(String.valueOf(scan.error())).isTrue();
            assertThat(scan.result().written()).isZero();
        }
    }
}
