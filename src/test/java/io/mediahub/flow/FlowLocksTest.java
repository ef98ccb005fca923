package io.mediahub.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.config.Settings;
import io.mediahub.store.Store;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock rows themselves: who may take an expired lock. */
class FlowLocksTest {
    @TempDir
    Path dir;

    private static void expiredLockOf(Store store, String token) throws Exception {
        try (var c = store.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO flow_locks VALUES ('f', 'other', ?, ?, ?, ?)")) {
            String long_ago = FlowLocks.text(Instant.now().minusSeconds(3600));
            ps.setString(1, token);
            ps.setString(2, long_ago);
            ps.setString(3, long_ago);
            ps.setString(4, long_ago);
            ps.executeUpdate();
        }
    }

    private static String host() {
        String own = FlowLocks.defaultInstanceId();
        return own.substring(0, own.lastIndexOf('-'));
    }

    @Test
    void anExpiredLockOfAProcessStillRunningOnThisMachineIsLeftToItAndTakenOnceItHasEnded() throws Exception {
        Settings settings = TestApp.settings(dir, Map.of());
        // Another process of this machine: its renewal may be stuck behind a long SQLite write, it is not dead.
        Process other = new ProcessBuilder("cat").start();
        String token = other.pid() + "@" + host() + "/0f8e";
        try (Store store = Store.open(settings); FlowLocks locks = new FlowLocks(store, "me", Duration.ofSeconds(60), Clock.systemUTC())) {
            expiredLockOf(store, token);
            assertThat(FlowLocks.holderAliveHere(token)).isTrue();
            assertThat(locks.tryTake("f")).isEmpty();

            other.destroyForcibly();
            assertThat(other.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(FlowLocks.holderAliveHere(token)).isFalse();
            try (FlowLocks.Held held = locks.tryTake("f").orElseThrow()) {
                assertThat(locks.holder("f")).contains("me");
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void anExpiredLockOfAnotherMachineIsTakenOver() throws Exception {
        Settings settings = TestApp.settings(dir, Map.of());
        String token = ProcessHandle.current().parent().orElseThrow().pid() + "@another-machine/0f8e";
        try (Store store = Store.open(settings); FlowLocks locks = new FlowLocks(store, "me", Duration.ofSeconds(60), Clock.systemUTC())) {
            expiredLockOf(store, token);
            assertThat(FlowLocks.holderAliveHere(token)).isFalse();
            assertThat(locks.tryTake("f")).isPresent();
            assertThat(locks.tryTake("f")).as("now held, and live").isEmpty();
        }
    }
}
