package io.mediahub.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store transaction that reads and then writes, while another connection writes in between (a flow lock's heartbeat
 * beside a library batch): on SQLite in WAL mode a deferred transaction would fail with SQLITE_BUSY_SNAPSHOT at its
 * first write; the store's transactions take the write lock when they begin, so the other writer waits its turn and
 * both writes land.
 */
class StoreTransactionTest {
    @TempDir
    Path dir;

    @Test
    void aWriterBetweenReadAndWriteWaitsInsteadOfBreakingTheTransaction() throws Exception {
        try (Store store = Store.open(TestApp.settings(dir, Map.of("STORE_BUSY_TIMEOUT", "30")))) {
            try (Connection c = store.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)");
                s.executeUpdate("INSERT INTO t VALUES ('a', 1)");
            }
            CompletableFuture<Integer> other = new CompletableFuture<>();
            int read = store.inTransaction(c -> {
                int v;
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT v FROM t WHERE k = 'a'")) {
                    r.next();
                    v = r.getInt(1);
                }
                // Another connection writes now; it must not get in before this transaction ends.
                Thread writer = new Thread(() -> {
                    try (Connection o = store.connection(); Statement s = o.createStatement()) {
                        other.complete(s.executeUpdate("INSERT INTO t VALUES ('b', 2)"));
                    } catch (Exception e) {
                        other.completeExceptionally(e);
                    }
                });
                writer.start();
                try {
                    writer.join(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                assertThat(other).as("the other writer waits for this transaction").isNotDone();
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE t SET v = v + 10 WHERE k = 'a'");
                }
                return v;
            });
            assertThat(read).isEqualTo(1);
            assertThat(other.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            try (Connection c = store.connection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT k, v FROM t ORDER BY k")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(2)).isEqualTo(11);
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("b");
            }
        }
    }
}
