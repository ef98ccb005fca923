package io.mediahub.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.testing.MySqlDatabase;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pollers' idempotent repository on MySQL/MariaDB (Connector/J): Camel's own statements on the table migration V7
 * made; a key is taken once, across a restart. Needs a server at 127.0.0.1:3306
 * (see MySqlDatabase); without one it is skipped with a message, unless MEDIAHUB_REQUIRE_ALL=1.
 */
class StoreIdempotentRepositoryMySqlIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final MySqlDatabase mysql = new MySqlDatabase();

    @Test
    void duplicatesAreSkippedAcrossARestart() throws Exception {
        String longKey = "https://podcasts.example.org/feed/episode/" + "x".repeat(180);
        try (TestApp app = TestApp.start(dir.resolve("a"), mysql.storeEnv())) {
            assertThat(app.app().store().dialect()).isEqualTo(Dialect.MYSQL);
            IdempotentPoller feed = IdempotentPoller.on(app, "test-feed").offer("test-feed", "guid-1", "guid-1", longKey, "Guid-1", longKey);
            assertThat(feed.taken).as("keys compare as written: Guid-1 is another key").containsExactly("guid-1", longKey, "Guid-1");
            assertThat(app.count("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'test-feed' AND createdAt IS NOT NULL"))
                    .isEqualTo(3);
        }
        try (TestApp app = TestApp.start(dir.resolve("b"), mysql.storeEnv())) {
            IdempotentPoller feed = IdempotentPoller.on(app, "test-feed").offer("test-feed", "guid-1", longKey, "guid-2", "guid-2");
            assertThat(feed.taken).as("after the restart only the new key gets through").containsExactly("guid-2");
            IdempotentPoller folder = IdempotentPoller.on(app, "test-folder").offer("test-folder", "guid-1");
            assertThat(folder.taken).containsExactly("guid-1");
        }
    }
}
