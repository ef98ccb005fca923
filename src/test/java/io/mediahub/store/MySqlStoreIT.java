package io.mediahub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.TestApp;
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

/**
 * The same flows on MySQL/MariaDB, switched by MEDIAHUB_DB_URL alone. Needs a server at 127.0.0.1:3306 (root, no
 * password; override with MEDIAHUB_IT_MYSQL_URL/USER/PASSWORD). Without one it is skipped with a message, unless
 * MEDIAHUB_REQUIRE_ALL=1 (set by .ci/run), which makes the missing server a failure.
 */
class MySqlStoreIT {
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
        boolean required = "1".equals(System.getenv("MEDIAHUB_REQUIRE_ALL"));
        try (Connection c = DriverManager.getConnection(serverUrl, user, password)) {
            database = "mediahub_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            }
        } catch (java.sql.SQLException e) {
            if (required) {
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

    private Map<String, String> env(FakeMediaServer emby, String scheme) {
        String url = serverUrl.replace("jdbc:mariadb:", scheme) + database;
        return Map.of("MEDIAHUB_DB_URL", url, "MEDIAHUB_DB_USER", user, "MEDIAHUB_DB_PASSWORD", password,
                "EMBY_URL", emby.url(), "EMBY_API_KEY", FakeMediaServer.API_KEY, "EMBY_PAGE_SIZE", "9", "EMBY_COMMIT_EVERY", "20");
    }

    @Test
    void theLibrarySyncRunsOnMySqlIdempotentlyAndPrunes() throws Exception {
        try (FakeMediaServer emby = FakeMediaServer.emby()) {
            var items = Items.library(25, 2, 8);
            emby.setItems(items);
            try (TestApp app = TestApp.start(dir, env(emby, "jdbc:mariadb:"))) {
                assertThat(app.app().store().dialect()).isEqualTo(Dialect.MYSQL);
                FlowOutcome first = app.run("emby-sync-library");
                assertThat(first.ok()).as(String.valueOf(first.error())).isTrue();
                assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(43);
                String dump = app.libraryDump();

                FlowOutcome second = app.run("emby-sync-library");
                assertThat(second.result().written()).isZero();
                assertThat(app.libraryDump()).isEqualTo(dump);

                emby.setItems(items.subList(0, 40));
                FlowOutcome third = app.run("emby-sync-library");
                assertThat(third.result().deleted()).isEqualTo(3);
                assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(40);
                assertThat(app.run("store-backup-database").error()).contains("back it up with mysqldump");
                assertThat(app.app().catalog().enabled(app.app().catalog().find("store-backup-database").orElseThrow())).isFalse();
            }
            // A jdbc:mysql: URL works too (the driver is told to accept it).
            try (TestApp app = TestApp.start(dir, env(emby, "jdbc:mysql:"))) {
                assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(40);
                assertThat(app.count("SELECT COUNT(*) FROM flow_runs")).isEqualTo(4);
            }
        }
    }
}
