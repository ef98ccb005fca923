package io.mediahub.cli;

import io.mediahub.testing.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verbs as users call them, on the test's own settings. */
class CliTest {
    @TempDir
    Path dir;

    private final CliRunner runner = new CliRunner();
    private final ByteArrayOutputStream out = runner.out;
    private final ByteArrayOutputStream err = runner.err;

    private int cli(Map<String, String> env, String... args) {
        return runner.run(() -> TestApp.settings(dir, env), args);
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
    }

    @Test
    void runSucceedsWithExitZeroAndFailsWithOneLineNamingFlowServiceAndCause() throws Exception {
        try (FakeMediaServer emby = FakeMediaServer.emby()) {
            emby.setItems(Items.library(3, 0, 0));
            Map<String, String> env = new HashMap<>(Map.of("EMBY_URL", emby.url(), "EMBY_API_KEY", FakeMediaServer.API_KEY));
            assertThat(cli(env, "run", "emby-sync-library")).isZero();
            assertThat(stdout()).startsWith("emby-sync-library ok in ").contains("read 3, written 3");

            env.put("EMBY_API_KEY", "wrong-secret-value");
            assertThat(cli(env, "run", "emby-sync-library")).isEqualTo(1);
            assertThat(stderr().lines().filter(l -> l.contains("failed:")).toList())
                    .containsExactly("emby-sync-library failed: Emby at " + emby.url() + "/emby answered 401 Unauthorized — check EMBY_API_KEY");
            assertThat(stdout() + stderr()).doesNotContain("wrong-secret-value");
        }
    }

    @Test
    void runOfAnUnknownFlowOrADisabledOneSaysWhy() {
        assertThat(cli(Map.of(), "run", "emby-sync-everything")).isEqualTo(2);
        assertThat(stderr()).contains("No flow called 'emby-sync-everything'. Flows: emby-sync-library, tmdb-sync-genres, store-backup-database");
        // A required setting without a value is configuration: exit 2 (README's table), the run still recorded.
        assertThat(cli(Map.of(), "run", "emby-sync-library")).isEqualTo(2);
        assertThat(stderr()).contains("emby-sync-library failed: EMBY_URL is not set");
        assertThat(cli(Map.of(), "flows")).isZero();
        assertThat(stdout().lines().filter(l -> l.startsWith("emby-sync-library")).findFirst().orElseThrow())
                .contains("failed: EMBY_URL is not set");
    }

    @Test
    void flowsListsEveryFlowWithWhyItIsDisabledAndItsLastRunWithoutSecrets() {
        Map<String, String> env = Map.of("TMDB_READ_ACCESS_TOKEN", "tok-should-not-show", "TMDB_API_URL", "http://127.0.0.1:9/3",
                "HTTP_MAX_ATTEMPTS", "1", "MEDIAHUB_INSTANCE_ID", "desktop-7");
        cli(env, "run", "tmdb-sync-genres");
        assertThat(cli(env, "flows")).isZero();
        String table = stdout();
        assertThat(table).contains("FLOW").contains("ENABLED").contains("SCHEDULE").contains("LAST RUN").contains("OUTCOME").contains("DURATION");
        assertThat(table.lines().filter(l -> l.startsWith("emby-sync-library")).findFirst().orElseThrow())
                .contains("no (EMBY_URL is not set)").contains("0 0 3 * * ?").contains("never");
        assertThat(table.lines().filter(l -> l.startsWith("tmdb-sync-genres")).findFirst().orElseThrow())
                .contains("yes").contains("failed: TMDb at http://127.0.0.1:9/3 is unreachable").contains("desktop-7");
        assertThat(table).contains("INSTANCE");
        assertThat(table).doesNotContain("tok-should-not-show");
    }

    @Test
    void backupWritesATimestampedConsistentCopyAndKeepsTheRetention() throws Exception {
        Map<String, String> env = Map.of("STORE_BACKUP_RETENTION", "2");
        Path backups = dir.resolve("backups");
        Files.createDirectories(backups);
        for (String old : new String[] {"mediahub-20200101-000000Z.db", "mediahub-20210101-000000Z.db", "mediahub-20220101-000000Z.db"}) {
            Files.writeString(backups.resolve(old), "old");
        }
        Files.writeString(backups.resolve("notes.txt"), "not a backup: never removed");

        assertThat(cli(env, "backup")).isZero();

        Path written = Path.of(stdout().strip());
        assertThat(written.getFileName().toString()).matches("mediahub-\\d{8}-\\d{6}Z\\.db");
        try (var files = Files.list(backups)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("mediahub-20220101-000000Z.db", written.getFileName().toString(), "notes.txt");
        }
        // The copy is a complete SQLite store with the schema and the run log.
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + written.toAbsolutePath());
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM schema_history WHERE success = 1")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
        }
    }

    @Test
    void helpAndVersionOnEveryVerb() {
        assertThat(cli(Map.of(), "--version")).isZero();
        assertThat(stdout()).contains("Mediahub").contains("Apache Camel 4.14.0");
        for (String verb : new String[] {"run", "flows", "backup"}) {
            assertThat(cli(Map.of(), verb, "--help")).isZero();
            assertThat(stdout()).contains("Usage: mediahub " + verb);
        }
        assertThat(cli(Map.of(), "--help")).isZero();
        assertThat(stdout()).contains("run").contains("flows").contains("backup");
    }
}
