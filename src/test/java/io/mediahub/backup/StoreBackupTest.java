package io.mediahub.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups taken within one second on a fixed clock, through the real route (prepare, {@code VACUUM INTO} as a camel-sql
 * endpoint, publish, retention): each is kept under its own name, the retention counts them all, no staging file is left,
 * and each run's counts reach {@code flow_runs}.
 */
class StoreBackupTest {
    private static final Clock SAME_SECOND = Clock.fixed(Instant.parse("2026-12-02T03:04:05.250Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private TestApp app;

    @BeforeEach
    void open() throws Exception {
        app = TestApp.start(TestApp.settings(dir, Map.of("STORE_BACKUP_RETENTION", "3")), SAME_SECOND);
    }

    @AfterEach
    void close() {
        app.close();
    }

    /** One run of the flow, as {@code mediahub backup} does it; the newest backup after it. */
    private Path backup() throws Exception {
        FlowOutcome o = app.run("store-backup-database");
        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        return app.app().bean("storeBackup", StoreBackup.class).newest();
    }

    private List<String> backups() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("backups"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void mark(Path db, String value) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath()); var st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE IF NOT EXISTS backup_mark (v TEXT)");
            st.executeUpdate("INSERT INTO backup_mark VALUES ('" + value + "')");
        }
    }

    private static long marks(Path db) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath()); var st = c.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM backup_mark")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void twoBackupsInTheSameSecondAreBothKeptUnderDistinctNames() throws Exception {
        Path first = backup();
        mark(first, "first");
        Path second = backup();

        assertThat(backups()).containsExactly("mediahub-20261202-030405Z-2.db", "mediahub-20261202-030405Z.db");
        assertThat(second.getFileName().toString()).isEqualTo("mediahub-20261202-030405Z-2.db");
        assertThat(marks(first)).as("the first backup was not replaced by the second").isEqualTo(1);
    }

    @Test
    void theRetentionCountsSameSecondBackupsInTheOrderTheyWereTaken() throws Exception {
        Path backups = dir.resolve("backups");
        Files.createDirectories(backups);
        Files.writeString(backups.resolve("mediahub-20261201-000000Z.db"), "older");
        Files.writeString(backups.resolve("notes.txt"), "not a backup: never removed");
        Path newest = null;
        for (int i = 0; i < 11; i++) {
            newest = backup();
        }

        assertThat(backups()).containsExactly("mediahub-20261202-030405Z-10.db", "mediahub-20261202-030405Z-11.db",
                "mediahub-20261202-030405Z-9.db", "notes.txt");
        assertThat(newest.getFileName().toString()).isEqualTo("mediahub-20261202-030405Z-11.db");
        // Each run's counts: one backup written, those beyond the retention deleted (the older one and the first 8 of 11).
        assertThat(app.rows("SELECT status, rows_written, rows_deleted FROM flow_runs WHERE flow_id = 'store-backup-database' ORDER BY run_id"))
                .hasSize(11).allSatisfy(r -> assertThat(r.get("rows_written")).isEqualTo(1))
                .extracting(r -> ((Number) r.get("rows_deleted")).longValue()).containsExactly(0L, 0L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L);
    }

    @Test
    void theCopyIsAConsistentDatabaseAndNoStagingFileIsLeft() throws Exception {
        try (var c = app.app().store().connection(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO flow_locks (flow_id, owner, token, acquired_at, heartbeat_at, expires_at) "
                    + "VALUES ('marker', 'test', 't', 'a', 'h', 'e')");
        }
        Path copy = backup();

        try (var c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath()); var st = c.createStatement();
             var rs = st.executeQuery("SELECT owner FROM flow_locks WHERE flow_id = 'marker'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("test");
        }
        assertThat(backups()).containsExactly(copy.getFileName().toString());
        assertThat(app.rows("SELECT counts FROM flow_runs WHERE flow_id = 'store-backup-database'")).singleElement()
                .satisfies(r -> assertThat((String) r.get("counts")).contains("\"backup_bytes\":" + java.nio.file.Files.size(copy)));
    }
}
