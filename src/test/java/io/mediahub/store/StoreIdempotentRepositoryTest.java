package io.mediahub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pollers' idempotent repository on SQLite: Camel's JdbcMessageIdRepository in the table migration V7 made; a key
 * is taken once, across a restart, per processor name.
 */
class StoreIdempotentRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void duplicatesAreSkippedAcrossARestartAndEachPollerHasItsOwnKeys() throws Exception {
        try (TestApp app = TestApp.start(dir, Map.of())) {
            IdempotentPoller feed = IdempotentPoller.on(app, "test-feed").offer("test-feed", "guid-1", "guid-1", "guid-2", "guid-1");
            assertThat(feed.taken).containsExactly("guid-1", "guid-2");
            assertThat(app.count("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'test-feed'")).isEqualTo(2);
            assertThat(app.rows("SELECT createdAt FROM CAMEL_MESSAGEPROCESSED")).allSatisfy(r -> assertThat(r.get("createdat")).isNotNull());
        }
        try (TestApp app = TestApp.start(dir, Map.of())) {
            IdempotentPoller feed = IdempotentPoller.on(app, "test-feed").offer("test-feed", "guid-2", "guid-3", "guid-1", "guid-3");
            assertThat(feed.taken).as("after the restart only the new key gets through").containsExactly("guid-3");
            IdempotentPoller folder = IdempotentPoller.on(app, "test-folder").offer("test-folder", "guid-1", "guid-1");
            assertThat(folder.taken).as("another poller's keys are its own").containsExactly("guid-1");
            assertThat(app.app().bean("storeIdempotentRepository", StoreIdempotentRepository.class).named("test-feed"))
                    .as("one repository per name").isSameAs(app.app().bean("storeIdempotentRepository", StoreIdempotentRepository.class).named("test-feed"));
        }
    }

    @Test
    void theTableComesFromTheMigrationsNeverFromCamel() throws Exception {
        try (TestApp app = TestApp.start(dir, Map.of())) {
            try (Connection c = app.app().store().connection(); Statement s = c.createStatement()) {
                s.executeUpdate("DROP TABLE CAMEL_MESSAGEPROCESSED");
            }
            assertThatThrownBy(() -> IdempotentPoller.on(app, "test-feed")).hasStackTraceContaining("CAMEL_MESSAGEPROCESSED");
            try (Connection c = app.app().store().connection(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'CAMEL_MESSAGEPROCESSED'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("createTableIfNotExists=false: Camel made no table").isZero();
            }
        }
    }
}
