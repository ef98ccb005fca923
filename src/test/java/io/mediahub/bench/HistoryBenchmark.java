package io.mediahub.bench;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.history.GenreMatrix;
import io.mediahub.history.GenreSource;
import io.mediahub.history.SessionRules;
import io.mediahub.history.TitleRecommender;
import io.mediahub.history.WatchHistoryRebuild;
import io.mediahub.history.WatchProfiles;
import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.PlaybackReportingFake;
import io.mediahub.testing.PlaybackReportingFake.Play;
import io.mediahub.testing.TestApp;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark (not a test) of the watch-history pipeline and the recommendation queries (issue 3). Run with
 * {@code ./mvnw -Pbench verify} or {@code java -Xmx1g -cp <test classpath> io.mediahub.bench.HistoryBenchmark [events] [titles]}
 * (defaults 1,000,000 events and 100,000 titles for the query latency). See docs/benchmarks.md.
 *
 * <ol>
 *   <li>A fake Emby with about 20,000 items (8,000 movies, 120 series × 100 episodes) and a real SQLite PlaybackActivity
 *   table holding {@code events} plays by 200 users (runs of resumes, re-watches and samples, two years of server-local
 *   times).</li>
 *   <li>End to end: the real application runs {@code emby-sync-library}, then {@code emby-sync-history} (paging the plugin
 *   by ROWID, 5,000 rows a request, then steps 2–4), on a temporary SQLite store.</li>
 *   <li>Steps 2–4 alone: a full rebuild of sessions and stats from the stored raw events (streaming the sorted events
 *   through the sessioniser), with the peak heap; then the same sessionisation done by SQLite with window functions,
 *   for comparison; then an incremental run after 1,000 new plays.</li>
 *   <li>{@code similar} and {@code recommend} latency on a generated matrix of {@code titles} items (25 genres): the cache
 *   file's save and load time (first load, then 50 more), item by exact name, then per-query median, p95 and p99 (wall
 *   and CPU of the thread) over 1,000 and 200 queries, with the machine's load average.</li>
 * </ol>
 */
public final class HistoryBenchmark {
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && "--load".equals(args[0])) {
            loadOnce(Path.of(args[1]));
            return;
        }
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int titles = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        System.out.printf(Locale.ROOT, "HistoryBenchmark: %,d events, %,d titles; JVM %s, max heap %d MB, %d cores%n", events, titles,
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        if (events > 0) {
            pipeline(events);
        }
        queries(titles);
    }

    static void pipeline(int events) throws Exception {
        Path dir = Files.createTempDirectory("mediahub-history-bench");
        try (FakeMediaServer emby = FakeMediaServer.embyForBenchmark()) {
            List<com.fasterxml.jackson.databind.node.ObjectNode> library = Items.library(8_000, 120, 100);
            emby.setItems(library);
            List<String[]> items = PlaybackReportingFake.playable(library);
            long t0 = System.nanoTime();
            emby.playbackReporting().addGenerated(events, 200, items, 42);
            System.out.printf(Locale.ROOT, "fake PlaybackActivity filled with %,d rows in %.1f s%n", events, (System.nanoTime() - t0) / 1e9);

            Map<String, String> env = Map.of("EMBY_URL", emby.url(), "EMBY_API_KEY", FakeMediaServer.API_KEY, "EMBY_SERVER_TIMEZONE",
                    "Europe/Paris", "HTTP_READ_TIMEOUT", "120");
            try (TestApp app = TestApp.start(dir, env)) {
                FlowOutcome lib = app.run("emby-sync-library");
                System.out.printf(Locale.ROOT, "emby-sync-library: %s in %.1f s%n", lib.status(), lib.durationMs() / 1000.0);

                resetPeaks();
                FlowOutcome o = app.run("emby-sync-history");
                System.out.printf(Locale.ROOT, "END TO END emby-sync-history: %s in %.1f s (%s); peak heap %d MB%n", o.status(),
                        o.durationMs() / 1000.0, o.result(), peakHeapMb());

                WatchHistoryRebuild rebuild = new WatchHistoryRebuild(app.app().store(), SessionRules.defaults());
                for (int i = 0; i < 2; i++) {
                    System.gc();
                    resetPeaks();
                    long s = System.nanoTime();
                    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    WatchHistoryRebuild.Counts c = rebuild.rebuild(true);
                    cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
                    System.out.printf(Locale.ROOT, "STEPS 2-4 full rebuild (stream): %.2f s wall, %.2f s CPU of this thread (SQLite runs on it), "
                            + "%,d sessions, %,d user-item stats; peak heap %d MB%n", (System.nanoTime() - s) / 1e9, cpu / 1e9, c.sessions(), c.stats(),
                            peakHeapMb());
                }
                try (Connection c = app.app().store().connection(); Statement st = c.createStatement()) {
                    long s = System.nanoTime();
                    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    try (ResultSet rs = st.executeQuery(SQL_SESSIONS)) {
                        rs.next();
                        cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
                        System.out.printf(Locale.ROOT, "STEP 2 by SQLite window functions (sessions counted, not written): %.2f s wall, %.2f s CPU, %,d sessions%n",
                                (System.nanoTime() - s) / 1e9, cpu / 1e9, rs.getLong(1));
                    }
                }

                List<Play> more = new ArrayList<>();
                Random r = new Random(7);
                for (int i = 0; i < 1_000; i++) {
                    String[] item = items.get(r.nextInt(items.size()));
                    more.add(new Play("2027-01-01 20:00:00", PlaybackReportingFake.generatedUser(r.nextInt(200)), item[0], item[1], "x", 600 + r.nextInt(3000)));
                }
                emby.playbackReporting().add(more);
                FlowOutcome inc = app.run("emby-sync-history");
                System.out.printf(Locale.ROOT, "INCREMENTAL emby-sync-history after 1,000 new plays: %s in %.2f s (%s)%n", inc.status(),
                        inc.durationMs() / 1000.0, inc.result());
                FlowOutcome none = app.run("emby-sync-history");
                System.out.printf(Locale.ROOT, "NO-OP emby-sync-history: %s in %.2f s%n", none.status(), none.durationMs() / 1000.0);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * What a {@code similar}/{@code recommend} command spends before loading: with the rows in a real SQLite store, the full
     * freshness check (read and hash every row and genre) against the cheap stamp check {@code current()} uses.
     */
    static void freshness(List<GenreSource.Row> rows) throws Exception {
        Path dir = Files.createTempDirectory("mediahub-freshness");
        try (io.mediahub.store.Store store = io.mediahub.store.Store.open(TestApp.settings(dir, Map.of()))) {
            store.inTransaction(c -> {
                try (var items = c.prepareStatement("INSERT INTO library_items (item_id, name, item_type, production_year, content_hash, synced_at) "
                        + "VALUES (?, ?, ?, ?, 'x', '2026-01-01T00:00:00Z')");
                     var genres = c.prepareStatement("INSERT INTO item_genres (item_id, genre_id, genre_name) VALUES (?, ?, ?)")) {
                    for (GenreSource.Row row : rows) {
                        items.setString(1, row.itemId());
                        items.setString(2, row.name());
                        items.setString(3, row.itemType());
                        items.setInt(4, row.year());
                        items.addBatch();
                        for (String g : row.genres()) {
                            genres.setString(1, row.itemId());
                            genres.setInt(2, g.hashCode());
                            genres.setString(3, g);
                            genres.addBatch();
                        }
                    }
                    items.executeBatch();
                    genres.executeBatch();
                }
                return null;
            });
            io.mediahub.history.GenreMatrixBuild build = new io.mediahub.history.GenreMatrixBuild(TestApp.settings(dir, Map.of()), store);
            build.refresh(false);
            double[] full = new double[5];
            for (int i = 0; i < full.length; i++) {
                long s = System.nanoTime();
                build.refresh(false);
                full[i] = (System.nanoTime() - s) / 1e6;
            }
            report("FRESHNESS full check (read + hash every row; features-build-genres)", full);
            double[] stamp = new double[20];
            for (int i = 0; i < stamp.length; i++) {
                long s = System.nanoTime();
                build.current();
                stamp[i] = (System.nanoTime() - s) / 1e6;
            }
            report("FRESHNESS stamp check + load (similar/recommend)", stamp);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Sessions by SQL: running max of previous ends per pair, a flag where the gap exceeds 15 min, a running sum of flags. */
    static final String SQL_SESSIONS = "WITH e AS (SELECT user_id, item_id, source_row_id, unixepoch(started_at) AS s, "
            + "unixepoch(started_at) + play_duration_seconds AS f FROM watch_hist_raw_events), "
            + "p AS (SELECT *, MAX(f) OVER (PARTITION BY user_id, item_id ORDER BY s, source_row_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end FROM e), "
            + "g AS (SELECT *, SUM(CASE WHEN prev_end IS NULL OR s - prev_end > 900 THEN 1 ELSE 0 END) "
            + "OVER (PARTITION BY user_id, item_id ORDER BY s, source_row_id ROWS UNBOUNDED PRECEDING) AS n FROM p) "
            + "SELECT COUNT(*) FROM (SELECT user_id, item_id, n, MIN(s), MAX(f), COUNT(*), SUM(f - s) FROM g GROUP BY user_id, item_id, n)";

    static void queries(int titles) throws Exception {
        Random r = new Random(1);
        String[] vocab = new String[25];
        for (int g = 0; g < vocab.length; g++) {
            vocab[g] = "Genre " + (char) ('A' + g);
        }
        List<GenreSource.Row> rows = new ArrayList<>(titles);
        for (int i = 0; i < titles; i++) {
            int n = 1 + r.nextInt(4);
            List<String> g = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                String x = vocab[(int) Math.min(vocab.length - 1, Math.abs(r.nextGaussian()) * 6)];
                if (!g.contains(x)) {
                    g.add(x);
                }
            }
            rows.add(new GenreSource.Row(String.format(Locale.ROOT, "%07d", i), "Title " + i, i % 10 == 0 ? "Series" : "Movie", null, null, null,
                    1950 + i % 75, g));
        }
        GenreMatrix built = GenreMatrix.build(rows, "bench", GenreMatrix.contentHash("bench", rows));
        Path file = Files.createTempDirectory("mediahub-matrix").resolve(GenreMatrix.FILE_NAME);
        long s = System.nanoTime();
        built.save(file);
        double saveMs = (System.nanoTime() - s) / 1e6;
        s = System.nanoTime();
        GenreMatrix m = GenreMatrix.load(file);
        double firstLoadMs = (System.nanoTime() - s) / 1e6;
        double[] loads = new double[50];
        for (int i = 0; i < loads.length; i++) {
            s = System.nanoTime();
            m = GenreMatrix.load(file);
            loads[i] = (System.nanoTime() - s) / 1e6;
        }
        System.out.printf(Locale.ROOT, "MATRIX %,d items x %d genres: file %,d KB, save %.1f ms, first load in this JVM %.2f ms%n", m.size(),
                m.vocabulary().size(), Files.size(file) >> 10, saveMs, firstLoadMs);
        report("MATRIX load (mapped, checksum checked)", loads);
        double[] fresh = new double[10];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = loadInFreshJvm(file);
        }
        report("MATRIX load in a fresh JVM (what each similar/recommend command does)", fresh);
        double[] lookups = new double[1_000];
        for (int i = 0; i < lookups.length; i++) {
            String name = "title " + r.nextInt(m.size());
            s = System.nanoTime();
            if (WatchProfiles.findItem(m, name).isEmpty()) {
                throw new IllegalStateException("no item called " + name);
            }
            lookups[i] = (System.nanoTime() - s) / 1e6;
        }
        report("ITEM by exact name (case ignored)", lookups);
        Files.delete(file);
        freshness(rows);

        TitleRecommender rec = new TitleRecommender(m);
        for (int i = 0; i < 200; i++) { // warm-up
            rec.similar(r.nextInt(m.size()), 10);
        }
        var threads = ManagementFactory.getThreadMXBean();
        double[] sim = new double[1_000];
        double[] simCpu = new double[sim.length];
        for (int i = 0; i < sim.length; i++) {
            int row = r.nextInt(m.size());
            long c = threads.getCurrentThreadCpuTime();
            s = System.nanoTime();
            rec.similar(row, 10);
            sim[i] = (System.nanoTime() - s) / 1e6;
            simCpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        report("SIMILAR k=10 wall", sim);
        report("SIMILAR k=10 CPU", simCpu);
        double[] recs = new double[200];
        double[] recsCpu = new double[recs.length];
        for (int i = -50; i < recs.length; i++) {
            Map<Integer, Double> watched = new HashMap<>();
            for (int k = 0; k < 300; k++) {
                watched.put(r.nextInt(m.size()), r.nextDouble() < 0.5 ? 1.0 : 0.5);
            }
            TitleRecommender.Watched w = new TitleRecommender.Watched(watched, Map.of(), Map.of());
            long c = threads.getCurrentThreadCpuTime();
            s = System.nanoTime();
            rec.recommend(w, 10);
            if (i >= 0) {
                recs[i] = (System.nanoTime() - s) / 1e6;
                recsCpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            }
        }
        report("RECOMMEND k=10 (300 titles watched) wall", recs);
        report("RECOMMEND k=10 (300 titles watched) CPU", recsCpu);
    }

    /** Loads the matrix in a new JVM (this class, {@code --load FILE}) and gives the load time it printed. */
    static double loadInFreshJvm(Path file) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), HistoryBenchmark.class.getName(), "--load", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0 || !out.startsWith("load ")) {
            throw new IllegalStateException("loading in a fresh JVM failed: " + out);
        }
        return Double.parseDouble(out.substring(5));
    }

    /** The {@code --load FILE} mode: one load, as the first thing a JVM does with the matrix; prints "load MS". */
    static void loadOnce(Path file) throws Exception {
        long s = System.nanoTime();
        GenreMatrix m = GenreMatrix.load(file);
        double ms = (System.nanoTime() - s) / 1e6;
        if (m.size() == 0) {
            throw new IllegalStateException("empty matrix");
        }
        System.out.printf(Locale.ROOT, "load %.3f%n", ms);
    }

    static void report(String what, double[] ms) {
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%s: median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms over %d runs; load average %s%n", what,
                ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms[(int) (ms.length * 0.99)], ms[ms.length - 1], ms.length, loadAverage());
    }

    /** The 1-minute load average (the machine is shared; figures are only comparable at a similar load). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
