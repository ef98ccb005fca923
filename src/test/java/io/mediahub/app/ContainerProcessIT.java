package io.mediahub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as users start it ({@code java -jar target/mediahub.jar}): it runs its schedule, and SIGTERM in
 * the middle of a flow stops it cleanly — the batch in progress rolls back, the run is recorded as interrupted, and
 * what was committed is whole batches only.
 */
class ContainerProcessIT {
    @TempDir
    Path dir;

    private static long query(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static String text(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void sigtermDuringAFlowStopsCleanlyWithNothingHalfWritten() throws Exception {
        Path jar = Path.of("target", "mediahub.jar").toAbsolutePath();
        assertThat(jar).exists();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (FakeMediaServer emby = FakeMediaServer.emby()) {
            emby.setItems(Items.library(400, 0, 0));
            emby.pageDelayMillis = 150;
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("mediahub.log").toFile());
            Map<String, String> env = pb.environment();
            env.clear(); // never the developer's own settings
            env.putAll(Map.of("MEDIAHUB_DATA_DIR", dir.resolve("data").toString(), "MEDIAHUB_HTTP_PORT", String.valueOf(port),
                    "EMBY_URL", emby.url(), "EMBY_API_KEY", FakeMediaServer.API_KEY, "EMBY_SYNC_LIBRARY_CRON", "* * * * * ?",
                    "EMBY_PAGE_SIZE", "10", "EMBY_COMMIT_EVERY", "20", "STORE_BACKUP_ENABLED", "false"));
            Process p = pb.start();
            Path db = dir.resolve("data").resolve("mediahub.db");
            try {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> Files.exists(db)
                        && query(db, "SELECT COUNT(*) FROM library_items") >= 40
                        && "running".equals(text(db, "SELECT status FROM flow_runs ORDER BY run_id DESC LIMIT 1")));

                p.destroy(); // SIGTERM
                assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("stopped within the shutdown timeout").isTrue();
            } finally {
                p.destroyForcibly();
            }
            String log = Files.readString(dir.resolve("mediahub.log"));
            assertThat(p.exitValue()).as(log).isIn(0, 143);
            assertThat(text(db, "SELECT status FROM flow_runs ORDER BY run_id DESC LIMIT 1")).as(log).isEqualTo("interrupted");
            assertThat(text(db, "SELECT error_text FROM flow_runs ORDER BY run_id DESC LIMIT 1"))
                    .isEqualTo("emby-sync-library failed: emby-sync-library stopped because Mediahub is shutting down");
            long items = query(db, "SELECT COUNT(*) FROM library_items");
            assertThat(items).isLessThan(400);
            assertThat(items % 20).as("whole batches only").isZero();
            assertThat(query(db, "SELECT COUNT(*) FROM item_genres g LEFT JOIN library_items i ON i.item_id = g.item_id WHERE i.item_id IS NULL"))
                    .isZero();
            assertThat(query(db, "SELECT COUNT(*) FROM flow_runs WHERE status = 'running'")).isZero();
            assertThat(log).doesNotContain(FakeMediaServer.API_KEY);
        }
    }
}
