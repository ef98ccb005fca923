package io.mediahub.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.mediahub.testing.MySqlDatabase;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same flows on MySQL/MariaDB, switched by MEDIAHUB_DB_URL alone. Needs a server at 127.0.0.1:3306 (root, no
 * password; override with MEDIAHUB_IT_MYSQL_URL/USER/PASSWORD). Without one it is skipped with a message, unless
 * MEDIAHUB_REQUIRE_ALL=1 (set by .ci/run), which makes the missing server a failure.
 */
class MySqlStoreIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final MySqlDatabase mysql = new MySqlDatabase();

    private Map<String, String> env(FakeMediaServer emby, String scheme) {
        return Map.of("MEDIAHUB_DB_URL", mysql.serverUrl(scheme) + mysql.database(), "MEDIAHUB_DB_USER", mysql.user(),
                "MEDIAHUB_DB_PASSWORD", mysql.password(), "EMBY_URL", emby.url(), "EMBY_API_KEY", FakeMediaServer.API_KEY,
                "EMBY_PAGE_SIZE", "9", "EMBY_COMMIT_EVERY", "20");
    }

    @Test
    void theLibrarySyncRunsOnMySqlIdempotentlyAndPrunes() throws Exception {
        try (FakeMediaServer emby = FakeMediaServer.emby()) {
            var items = Items.library(25, 2, 8);
            emby.setItems(items);
            try (TestApp app = TestApp.start(dir, env(emby, "jdbc:mysql:"))) {
                assertThat(app.app().store().dialect()).isEqualTo(Dialect.MYSQL);
                try (java.sql.Connection c = app.app().store().connection()) {
                    assertThat(c.getMetaData().getDriverName()).as("the specified driver").startsWith("MySQL Connector/J");
                    // The migrations made the lock table and Quartz's clustered job store.
                    assertThat(c.getMetaData().getTables(null, null, "flow_locks", null).next()).isTrue();
                    assertThat(c.getMetaData().getTables(null, null, "QRTZ_TRIGGERS", null).next()).isTrue();
                }
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
            // A jdbc:mariadb: URL (the scheme of the driver Mediahub used before) still works: read as jdbc:mysql:.
            try (TestApp app = TestApp.start(dir, env(emby, "jdbc:mariadb:"))) {
                assertThat(app.count("SELECT COUNT(*) FROM library_items")).isEqualTo(40);
                assertThat(app.count("SELECT COUNT(*) FROM flow_runs")).isEqualTo(4);
            }
        }
    }
}
