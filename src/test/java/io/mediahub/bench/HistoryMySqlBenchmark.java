package io.mediahub.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahub.history.SessionRules;
import io.mediahub.history.WatchHistoryRebuild;
import io.mediahub.store.Store;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.PlaybackReportingFake;
import io.mediahub.testing.TestApp;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark (not a test) of steps 2–4 of emby-sync-history on a MySQL/MariaDB store: does memory stay flat as the
 * events grow? Run with {@code ./mvnw -Pbench verify} (execution {@code bench-history-mysql}) or
 * {@code java -Xmx1g -cp <test classpath> io.mediahub.bench.HistoryMySqlBenchmark [events]} (default 1,000,000); a
 * small {@code -Xmx} shows it best. The server is MEDIAHUB_IT_MYSQL_URL/USER/PASSWORD or 127.0.0.1:3306 as root; without
 * one the benchmark says so and stops.
 *
 * <p>A scratch database gets the library of {@link HistoryBenchmark} (8,000 movies, 120 series × 100 episodes) and
 * {@code events} raw events written straight into {@code watch_hist_raw_events} (the plays of
 * {@link PlaybackReportingFake#generate}, 200 users), then a full rebuild runs twice. Reported: wall and CPU time, the
 * peak heap, and the largest heap still in use after a collection (what the rebuild holds, garbage aside).
 */
public final class HistoryMySqlBenchmark {
    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String server = System.getenv().getOrDefault("MEDIAHUB_IT_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
        String user = System.getenv().getOrDefault("MEDIAHUB_IT_MYSQL_USER", "root");
        String password = System.getenv().getOrDefault("MEDIAHUB_IT_MYSQL_PASSWORD", "");
        String database = "mediahub_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            System.out.println("HistoryMySqlBenchmark skipped: no MySQL/MariaDB server at " + server + " (" + e.getMessage() + ")");
            return;
        }
        System.out.printf(Locale.ROOT, "HistoryMySqlBenchmark: %,d events on %s; JVM %s, max heap %d MB, %d cores, load average %s%n", events, server,
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                HistoryBenchmark.loadAverage());
        Path dir = Files.createTempDirectory("mediahub-history-mysql-bench");
        try (Store store = Store.open(TestApp.settings(dir, Map.of("MEDIAHUB_DB_URL", server + database, "MEDIAHUB_DB_USER", user,
                "MEDIAHUB_DB_PASSWORD", password)))) {
            long t0 = System.nanoTime();
            int items = fill(store, Items.library(8_000, 120, 100), events); // the library's JSON is not held during the rebuild
            System.out.printf(Locale.ROOT, "store filled: %,d library items, %,d raw events in %.1f s%n", items, events, (System.nanoTime() - t0) / 1e9);
            WatchHistoryRebuild rebuild = new WatchHistoryRebuild(store, SessionRules.defaults());
            for (int i = 0; i < 2; i++) {
                System.gc();
                HistoryBenchmark.resetPeaks();
                AfterCollection live = new AfterCollection();
                live.start();
                long s = System.nanoTime();
                long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                WatchHistoryRebuild.Counts counts = rebuild.rebuild(true);
                cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
                double wall = (System.nanoTime() - s) / 1e9;
                live.interrupt();
                live.join();
                System.out.printf(Locale.ROOT, "STEPS 2-4 on MySQL, full rebuild: %.1f s wall, %.1f s CPU of this thread, %,d sessions, %,d user-item stats; "
                        + "peak heap %d MB, largest heap in use after a collection %d MB; load average %s%n", wall, cpu / 1e9, counts.sessions(),
                        counts.stats(), HistoryBenchmark.peakHeapMb(), live.maxMb(), HistoryBenchmark.loadAverage());
            }
        } finally {
            try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
                s.executeUpdate("DROP DATABASE IF EXISTS " + database);
            }
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The library's items and runtimes, then the generated plays as raw events (their local time taken as UTC). */
    static int fill(Store store, List<ObjectNode> library, int events) throws SQLException {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO library_items (item_id, name, item_type, runtime_seconds, content_hash, synced_at) "
                    + "VALUES (?, ?, ?, ?, 'bench', 'bench')")) {
                for (ObjectNode n : library) {
                    ps.setString(1, n.path("Id").asText());
                    ps.setString(2, n.path("Name").asText());
                    ps.setString(3, n.path("Type").asText());
                    ps.setObject(4, n.has("RunTimeTicks") ? n.path("RunTimeTicks").asLong() / 10_000_000L : null);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        AtomicLong rowId = new AtomicLong();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO watch_hist_raw_events (source_row_id, user_id, "
                + "item_id, item_type, started_at, local_started_at, play_duration_seconds, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'bench')")) {
            c.setAutoCommit(false);
            PlaybackReportingFake.generate(events, 200, PlaybackReportingFake.playable(library), 42, p -> {
                try {
                    ps.setLong(1, rowId.incrementAndGet());
                    ps.setString(2, p.userId());
                    ps.setString(3, p.itemId());
                    ps.setString(4, p.itemType());
                    ps.setString(5, p.dateCreated().replace(' ', 'T') + "Z");
                    ps.setString(6, p.dateCreated());
                    ps.setLong(7, ((Number) p.playDuration()).longValue());
                    ps.addBatch();
                    if (rowId.get() % 10_000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            ps.executeBatch();
            c.commit();
        }
        return library.size();
    }

    /** Samples the heap pools' usage after their latest collection and keeps the largest sum seen. */
    private static final class AfterCollection extends Thread {
        private long max;

        AfterCollection() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                sample();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    break;
                }
            }
            sample();
        }

        private synchronized void sample() {
            long sum = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) {
                    sum += p.getCollectionUsage().getUsed();
                }
            }
            max = Math.max(max, sum);
        }

        synchronized long maxMb() {
            return max >> 20;
        }
    }
}
