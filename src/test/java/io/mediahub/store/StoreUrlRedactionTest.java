package io.mediahub.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.testing.CliRunner;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A credential in MEDIAHUB_DB_URL, on the SQLite store (DbUrlCredentialsIT does the same on MySQL/MariaDB). */
class StoreUrlRedactionTest {
    private static final String PASSWORD = "Pw-s3cret-in-url";

    @TempDir
    Path dir;

    @Test
    void neitherCamelNorTheHealthDetailNorFlowsSeeThePassword() throws Exception {
        Map<String, String> env = Map.of("MEDIAHUB_DB_URL", "jdbc:sqlite:" + dir.resolve("m.db") + "?password=" + PASSWORD);
        try (TestApp app = TestApp.start(dir, env)) {
            assertThat(app.app().store().displayUrl()).doesNotContain(PASSWORD);
            assertThat(app.app().camelContext().getPropertiesComponent().loadPropertiesAsMap().values())
                    .noneMatch(v -> String.valueOf(v).contains(PASSWORD));
            assertThat(app.app().settings().toString()).doesNotContain(PASSWORD).contains("password=***");
        }
        CliRunner cli = new CliRunner();
        assertThat(cli.run(() -> TestApp.settings(dir, Map.of("MEDIAHUB_DB_URL", "jdbc:sqlite:" + dir.resolve("m.db") + "?password=" + PASSWORD,
                "STORE_POOL_SIZE", "lots")), "flows")).isEqualTo(2);
        assertThat(cli.run(() -> TestApp.settings(dir, env), "run", "store-backup-database")).isZero();
        assertThat(cli.stdout() + cli.stderr()).doesNotContain(PASSWORD);
        assertThat(Store.displayUrl("jdbc:mysql://u:" + PASSWORD + "@db/m;password=" + PASSWORD + "?password=" + PASSWORD))
                .isEqualTo("jdbc:mysql://u:***@db/m;password=***");
    }
}
