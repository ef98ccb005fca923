package io.mediahub.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store whose schema is the classpath's opens without Flyway; any difference sends it through Flyway as before. */
class SchemaCheckTest {
    @TempDir
    Path dir;

    @Test
    void aFreshlyMigratedStoreIsCurrentAndOpensAgain() throws Exception {
        try (Store store = Store.open(TestApp.settings(dir, Map.of()))) {
            // The checksums computed here are the ones Flyway recorded, for every migration.
            assertThat(SchemaCheck.isCurrent(store.dataSource(), "db/sqlite")).isTrue();
            assertThat(SchemaCheck.migrations("db/sqlite")).containsKey("V1__container_and_library.sql");
        }
        try (Store store = Store.open(TestApp.settings(dir, Map.of()))) {
            assertThat(SchemaCheck.isCurrent(store.dataSource(), "db/sqlite")).isTrue();
        }
    }

    @Test
    void anEmptyStoreAChangedChecksumOrAFailedMigrationIsNotCurrent() throws Exception {
        try (Store store = Store.connect(TestApp.settings(dir, Map.of()))) {
            assertThat(SchemaCheck.isCurrent(store.dataSource(), "db/sqlite")).isFalse();
            store.migrate();
            try (Connection c = store.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE schema_history SET checksum = checksum + 1 WHERE version = '1'");
                assertThat(SchemaCheck.isCurrent(store.dataSource(), "db/sqlite")).isFalse();
                s.executeUpdate("UPDATE schema_history SET checksum = checksum - 1, success = 0 WHERE version = '1'");
                assertThat(SchemaCheck.isCurrent(store.dataSource(), "db/sqlite")).isFalse();
                s.executeUpdate("UPDATE schema_history SET success = 1 WHERE version = '1'");
                s.executeUpdate("DELETE FROM schema_history WHERE version = '2'");
                assertThat(SchemaCheck.isCurrent(store.dataSource(), "db/sqlite")).isFalse();
            }
        }
    }

    @Test
    void flywaysChecksumIsCrc32OverTheLinesWithoutBreaksOrBom() throws Exception {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("ab".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        crc.update("c".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int expected = (int) crc.getValue();
        assertThat(SchemaCheck.checksum(new java.io.ByteArrayInputStream("\uFEFFab\r\nc\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isEqualTo(expected);
    }
}
