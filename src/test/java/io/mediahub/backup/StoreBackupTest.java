package io.mediahub.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.config.Settings;
import io.mediahub.flow.FlowRequest;
import io.mediahub.store.Store;
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

/** Backups taken within one second on a fixed clock: each is kept under its own name, and the retention counts them all. */
class StoreBackupTest {
    private static final Clock SAME_SECOND = Clock.fixed(Instant.parse("2026-12-02T03:04:05.250Z"), ZoneOffset.UTC);

    private static final FlowRequest REQUEST = new FlowRequest(1, "store-backup-database", Map.of(), () -> false);

    @TempDir
    Path dir;

    private Store store;
    private Settings settings;

    @BeforeEach
    void open() {
        settings = Settings.load(Map.of("MEDIAHUB_DATA_DIR", dir.toString(), "STORE_BACKUP_RETENTION", "3"), dir.resolve("no.env"));
        store = Store.open(settings);
    }

    @AfterEach
    void close() {
        store.close();
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
        StoreBackup backup = new StoreBackup(settings, store, SAME_SECOND);

        backup.run(REQUEST);
        Path first = backup.newest();
        mark(first, "first");
        backup.run(REQUEST);
        Path second = backup.newest();

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
        StoreBackup backup = new StoreBackup(settings, store, SAME_SECOND);

        for (int i = 0; i < 11; i++) {
            backup.run(REQUEST);
        }

        assertThat(backups()).containsExactly("mediahub-20261202-030405Z-10.db", "mediahub-20261202-030405Z-11.db",
                "mediahub-20261202-030405Z-9.db", "notes.txt");
        assertThat(backup.newest().getFileName().toString()).isEqualTo("mediahub-20261202-030405Z-11.db");
    }
}
