package io.mediahub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.GarbageCollectionNotificationInfo;
import io.mediahub.common.GenreResolver;
import io.mediahub.common.Urls;
import io.mediahub.emby.LibraryItem;
import io.mediahub.emby.LibraryItemMapper;
import io.mediahub.flow.FlowOutcome;
import io.mediahub.store.Store;
import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.TestApp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Benchmark (not a test) of {@code emby-sync-library}: the real application against a local fake Emby server
 * serving a generated library, compared with the best plain JDBC loop writing the same rows.
 *
 * <p>Run with {@code ./mvnw -Pbench verify} ({@code -Dbench.items=N}, default 100,000), or directly:
 * {@code java -Xmx1g -cp <test classpath> io.mediahub.bench.EmbySyncBenchmark N [repeats]} (repeats default 3: the
 * table gives the median). See docs/benchmarks.md. Sizes: N and N/10 (at least 1,000).
 *
 * <p>This process only hosts the fake server (WireMock, items generated page by page, no request journal) and
 * prints the table. Every measurement runs in its own child JVM (same {@code -Xmx} and {@code -XX} options as this
 * one), so each figure of memory belongs to exactly one measured thing and nothing is shared or warmed between them:
 * <ul>
 *   <li>{@code flow}: boots the real application ({@link TestApp}: real routes, real SQLite store in a temp folder,
 *   EMBY_PAGE_SIZE=500, EMBY_COMMIT_EVERY=1000) and runs {@code emby-sync-library} once. Run twice on the same
 *   folder: the first sync fills an empty store, the second finds the library unchanged.</li>
 *   <li>{@code plain}: the floor. Creates the same schema (the app's own migrations through {@link Store#open}),
 *   then one single-threaded loop: GET the same {@code /Items} pages from the same fake server with the same query,
 *   parse with Jackson, map with the app's pure {@link LibraryItemMapper} (so the rows are the same), the series-genre
 *   fallback from the Series items already seen, the same content hash, and insert with one prepared statement per
 *   table ({@code library_items} and its four child tables), JDBC batches, one transaction per 1,000 items, on one
 *   connection with the store's pragmas (WAL, synchronous=NORMAL, foreign keys on). It does only what a first load
 *   into an empty store needs: no look-up of existing rows, no seen-list, no prune, no run log.</li>
 *   <li>{@code flow-live}: a first sync again, untimed, with a thread forcing a full GC every 250 ms and reading the
 *   heap left after it: the live heap over the run.</li>
 *   <li>once more, a timed first sync of N items with {@code -Xmx64m}: that it completes (at about the same speed)
 *   shows the flow's memory does not grow with the library, and its RSS is the process's real need.</li>
 * </ul>
 * To profile the children, give this JVM {@code -Dbench.child.jvmArgs="-XX:StartFlightRecording=filename=/tmp/{run}.jfr"}:
 * {@code {run}} becomes each child's mode, size and number.
 * After each run the child fingerprints every library table (all columns but {@code synced_at}) so the table can
 * show that the flow and the plain loop wrote the same rows.
 */
public final class EmbySyncBenchmark {
    static final int PAGE_SIZE = 500;
    static final int COMMIT_EVERY = 1000;
    static final String EMBY_FIELDS = "Genres,GenreItems,Tags,TagItems,Studios,ProviderIds,Path,Overview,DateCreated,PremiereDate,"
            + "ProductionYear,RunTimeTicks,Container,MediaStreams,Width,Height,ParentId,CommunityRating,OfficialRating,SeriesId,"
            + "SeriesName,SeasonId,IndexNumber,ParentIndexNumber";
    private static final String RESULT = "RESULT ";

    private EmbySyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        quietLogs();
        if (args.length > 0 && args[0].startsWith("--child=")) {
            Child.main(args[0].substring("--child=".length()), Path.of(args[1]), args[2], Integer.parseInt(args[3]));
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        new Parent(n, repeats).run();
    }

    static void quietLogs() {
        System.setProperty("org.slf4j.simpleLogger.log.io.mediahub", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.wiremock", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.com.github.tomakehurst", "warn");
    }

    // ------------------------------------------------------------------------------------------------------------
    // The generated library
    // ------------------------------------------------------------------------------------------------------------

    /** Series in a library of {@code n} items: 1 per 100 items, listed first (as SortName would not promise, but the fallback then never needs a look-up). */
    static int seriesCount(int n) {
        return Math.max(1, n / 100);
    }

    private static final String[][] MOVIE_GENRES = {{"Action", "Science Fiction"}, {"Drama"}, {"Comedy", "Romance"}, {"Documentary"},
            {"Horror", "Thriller"}, {"Adventure", "Family", "Animation"}};
    private static final String[][] TV_GENRES = {{"Drama", "Crime"}, {"Sci-Fi & Fantasy"}, {"Animation", "Kids"}, {"Comedy"}};
    private static final String OVERVIEW = "A deliberately ordinary plot summary of the kind Emby stores for every title, long enough to "
            + "look like the real thing: someone wants something, something stands in the way, and over the running time the "
            + "matter is settled one way or another. ";

    /**
     * Item {@code k} of {@code n}, the same every time it is asked for (so a second sync sees an unchanged library):
     * the series first, then 2 movies for every 3 episodes. Episodes have no genres of their own (they take their
     * series'); movies have genres, two tags, a studio and two provider ids; series one provider id.
     */
    static IntFunction<ObjectNode> generator(int n) {
        int series = seriesCount(n);
        return k -> {
            if (k < series) {
                return Items.series("s" + k, "Show " + k, TV_GENRES[k % TV_GENRES.length]);
            }
            int j = k - series;
            if (j % 5 < 2) {
                ObjectNode m = Items.movie("m" + j, "Movie " + j, 1950 + j % 75, j % 7 == 0 ? 0 : 4800 + j % 3600,
                        MOVIE_GENRES[j % MOVIE_GENRES.length]);
                m.put("Overview", "Movie " + j + ". " + OVERVIEW);
                return m;
            }
            int s = j % series;
            int e = j / series;
            ObjectNode ep = Items.episode("e" + j, "s" + s, "Show " + s, 1 + e / 20, 1 + e % 20, 1200 + j % 1800);
            ep.put("Overview", "Episode " + j + ". " + OVERVIEW);
            return ep;
        };
    }

    static String itemsQuery(int start, int limit) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("Recursive", "true");
        q.put("IncludeItemTypes", "Movie,Series,Episode");
        q.put("Fields", EMBY_FIELDS);
        q.put("SortBy", "SortName");
        q.put("SortOrder", "Ascending");
        q.put("EnableTotalRecordCount", "true");
        q.put("EnableUserData", "false");
        q.put("EnableImages", "false");
        q.put("StartIndex", start);
        q.put("Limit", limit);
        return "?" + Urls.query(q);
    }

    /** One {@code /Items} page, the way the app asks for it (same client class, same headers, same query). */
    static JsonNode fetchPage(HttpClient http, ObjectMapper json, String url, int start, int limit) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url + "/emby/Items" + itemsQuery(start, limit))).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").header("User-Agent", "Mediahub").header("X-Emby-Token", FakeMediaServer.API_KEY).GET()
                .build();
        HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new IOException("fake server answered " + r.statusCode());
            }
            return json.readTree(in);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Parent: the fake server, the child runs, the table
    // ------------------------------------------------------------------------------------------------------------

    private static final class Parent {
        private final int n;
        private final int small;
        private final int repeats;
        private final List<String> childJvm = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private int children;

        Parent(int n, int repeats) {
            this.n = n;
            this.small = Math.max(1_000, n / 10);
            this.repeats = Math.max(1, repeats);
            for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-XX:") && !a.startsWith("-XX:StartFlightRecording")) {
                    childJvm.add(a);
                }
            }
            if (childJvm.stream().noneMatch(a -> a.startsWith("-Xmx"))) {
                childJvm.add("-Xmx1g");
            }
            String extra = System.getProperty("bench.child.jvmArgs", "").trim();
            if (!extra.isEmpty()) {
                childJvm.addAll(List.of(extra.split("\\s+")));
            }
        }

        void run() throws Exception {
            Path root = Files.createTempDirectory("mediahub-bench-");
            try (FakeMediaServer fake = FakeMediaServer.embyForBenchmark()) {
                System.out.printf(Locale.ROOT, "emby-sync-library benchmark: %,d and %,d items, pages of %d, a transaction every %,d items, "
                        + "%d repeat(s), child JVMs %s%n", n, small, PAGE_SIZE, COMMIT_EVERY, repeats, childJvm);
                warmUp(fake);
                List<Row> rows = new ArrayList<>();
                Map<Integer, Map<String, String>> fingerprints = new LinkedHashMap<>();
                for (int size : new int[] {small, n}) {
                    fake.setGenerator(size, generator(size));
                    List<Map<String, String>> plain = new ArrayList<>();
                    List<Map<String, String>> first = new ArrayList<>();
                    List<Map<String, String>> second = new ArrayList<>();
                    for (int r = 0; r < repeats; r++) {
                        Path flowDir = root.resolve("flow-" + size + "-" + r);
                        Path plainDir = root.resolve("plain-" + size + "-" + r);
                        first.add(child("flow", flowDir, fake.url(), size));
                        second.add(child("flow", flowDir, fake.url(), size));
                        plain.add(child("plain", plainDir, fake.url(), size));
                        deleteTree(flowDir);
                        deleteTree(plainDir);
                    }
                    Path liveDir = root.resolve("live-" + size);
                    Map<String, String> live = child("flow-live", liveDir, fake.url(), size);
                    deleteTree(liveDir);
                    checkSameRows(size, first.get(0), plain.get(0));
                    fingerprints.put(size, first.get(0));
                    double floor = median(plain, "items_per_s");
                    rows.add(new Row(PLAIN, size, plain, floor, null));
                    rows.add(new Row(FIRST, size, first, floor, live));
                    rows.add(new Row(SECOND, size, second, floor, null));
                    if (size == n) {
                        // The same first sync with a heap far below what the sampled peaks suggest it needs: if it completes,
                        // the flow's memory does not depend on the library size (RSS then shows the process's real floor).
                        Path smallHeapDir = root.resolve("flow-small-heap");
                        Map<String, String> tight = child("flow", smallHeapDir, fake.url(), size, SMALL_HEAP);
                        deleteTree(smallHeapDir);
                        rows.add(new Row(FIRST_SMALL_HEAP, size, List.of(tight), floor, null));
                    }
                }
                print(rows);
            } finally {
                deleteTree(root);
            }
        }

        /** Warms the fake server (its JIT, not the client's: every measurement is a fresh JVM) with one pass over 20,000 items. */
        private void warmUp(FakeMediaServer fake) throws Exception {
            int count = Math.min(n, 20_000);
            fake.setGenerator(count, generator(count));
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper json = new ObjectMapper();
            for (int start = 0; start < count; start += PAGE_SIZE) {
                fetchPage(http, json, fake.url(), start, PAGE_SIZE);
            }
        }

        private Map<String, String> child(String mode, Path dir, String url, int size) throws Exception {
            return child(mode, dir, url, size, null);
        }

        /** One measurement in a fresh JVM; {@code xmx} (like "-Xmx64m") replaces the inherited heap size when given. */
        private Map<String, String> child(String mode, Path dir, String url, int size, String xmx) throws Exception {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String run = mode + "-" + size + "-" + (++children);
            for (String a : childJvm) {
                if (xmx == null || !a.startsWith("-Xmx") && !a.startsWith("-Xms")) {
                    cmd.add(a.replace("{run}", run)); // {run}: a per-child file name, e.g. for a JFR recording
                }
            }
            if (xmx != null) {
                cmd.add(xmx);
            }
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(EmbySyncBenchmark.class.getName());
            cmd.add("--child=" + mode);
            cmd.add(dir.toString());
            cmd.add(url);
            cmd.add(String.valueOf(size));
            System.out.printf(Locale.ROOT, "  running %-9s %,7d items%s ...%n", mode, size, xmx == null ? "" : " " + xmx);
            long serverCpu0 = processCpuNs();
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Map<String, String> result = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(RESULT)) {
                        result = parse(line.substring(RESULT.length()));
                    } else {
                        System.out.println("    " + line);
                    }
                }
            }
            int exit = p.waitFor();
            if (result != null) {
                // This process is the fake server: its CPU over the child's life is what serving the pages cost.
                result.put("server_cpu_s", String.format(Locale.ROOT, "%.3f", (processCpuNs() - serverCpu0) / 1e9));
                result.put("load1", String.valueOf(load1()));
            }
            if (exit != 0 || result == null) {
                throw new IllegalStateException("child " + mode + " (" + size + " items) failed with exit code " + exit);
            }
            System.out.printf(Locale.ROOT, "    %s: %.2f s, %,.0f items/s%n", mode, Double.parseDouble(result.get("run_s")),
                    Double.parseDouble(result.get("items_per_s")));
            return result;
        }

        private void checkSameRows(int size, Map<String, String> flow, Map<String, String> plain) {
            for (String t : Child.TABLES.keySet()) {
                String same = flow.get("fp_" + t).equals(plain.get("fp_" + t)) ? "identical" : "DIFFERENT";
                notes.add(String.format(Locale.ROOT, "%,d items: %s — flow %s rows, plain loop %s rows, %s", size, t, flow.get("rows_" + t),
                        plain.get("rows_" + t), same));
            }
        }

        private void print(List<Row> rows) {
            Map<String, String> any = rows.get(0).runs.get(0);
            System.out.println();
            System.out.printf(Locale.ROOT, "Machine: %s CPUs, %s, Java %s, max heap %s MB, GC %s%n", any.get("cpus"), cpuModel(),
                    System.getProperty("java.version"), any.get("max_heap_mb"), any.get("gc"));
            System.out.printf(Locale.ROOT, "Library: per N items, N/100 series (listed first), then 2 movies for every 3 episodes "
                    + "(episodes without genres: series-genre fallback)%n%n");
            String fmt = "%-32s %8s %8s %9s %8s %9s %9s %10s %7s%n";
            System.out.printf(Locale.ROOT, fmt, "Throughput (median of runs)", "items", "wall s", "items/s", "x floor", "CPU s", "srv CPU s",
                    "rows wrtn", "load");
            for (Row row : rows) {
                Map<String, String> m = row.runs.get(0);
                double ips = median(row.runs, "items_per_s");
                System.out.printf(Locale.ROOT, fmt, row.label, String.format(Locale.ROOT, "%,d", row.size),
                        String.format(Locale.ROOT, "%.2f", median(row.runs, "run_s")), String.format(Locale.ROOT, "%,.0f", ips),
                        String.format(Locale.ROOT, "%.2f", row.floor / ips), String.format(Locale.ROOT, "%.2f", median(row.runs, "cpu_s")),
                        String.format(Locale.ROOT, "%.2f", median(row.runs, "server_cpu_s")),
                        String.format(Locale.ROOT, "%,d", (long) max(row.runs, "rows_written")), String.format(Locale.ROOT, "%.1f", max(row.runs, "load1")));
                if (row.runs.size() > 1) {
                    System.out.printf(Locale.ROOT, "%-32s   items/s over %d runs: %s%n", "", row.runs.size(),
                            String.join(", ", row.runs.stream().map(r -> String.format(Locale.ROOT, "%,.0f", Double.parseDouble(r.get("items_per_s")))).toList()));
                }
                if (m.containsKey("fetch_s")) {
                    System.out.printf(Locale.ROOT, "%-32s   wall split: HTTP+parse %.2f s, map+hash %.2f s, JDBC %.2f s%n", "",
                            median(row.runs, "fetch_s"), median(row.runs, "map_s"), median(row.runs, "jdbc_s"));
                }
                if (m.containsKey("app_start_s")) {
                    System.out.printf(Locale.ROOT, "%-32s   app start %.2f s (not in wall s); %s%n", "", median(row.runs, "app_start_s"),
                            m.get("counters"));
                }
            }
            System.out.println();
            String mfmt = "%-32s %8s %10s %10s %10s %10s %6s%n";
            System.out.printf(Locale.ROOT, mfmt, "Memory (max of runs), MB", "items", "heap peak", "after GC", "live heap", "RSS peak", "GCs");
            for (Row row : rows) {
                System.out.printf(Locale.ROOT, mfmt, row.label, String.format(Locale.ROOT, "%,d", row.size), mb(max(row.runs, "heap_peak")),
                        mb(max(row.runs, "heap_after_gc_peak")), row.live == null ? "" : mb(Double.parseDouble(row.live.get("live_heap_peak"))),
                        mb(max(row.runs, "rss_peak")), String.format(Locale.ROOT, "%.0f", median(row.runs, "gc_count")));
            }
            System.out.println("  heap peak: highest heap use (sampled every 5 ms, and before every GC); after GC: highest heap left after "
                    + "any GC; live heap: highest heap left after a full GC forced every 250 ms (separate untimed run); RSS peak: VmHWM "
                    + "of the child process; load: highest 1-minute load average seen at the end of a run (2 = this benchmark alone)");
            System.out.println();
            System.out.println("Rows compared (every column but synced_at, fingerprinted in item order):");
            notes.forEach(s -> System.out.println("  " + s));
            System.out.println();
            Row plainN = find(rows, PLAIN, n);
            Row firstN = find(rows, FIRST, n);
            Row secondN = find(rows, SECOND, n);
            Row firstSmall = find(rows, FIRST, small);
            Row tight = find(rows, FIRST_SMALL_HEAP, n);
            double ratio = plainN.floor / median(firstN.runs, "items_per_s");
            double cpuRatio = median(firstN.runs, "cpu_s") / median(plainN.runs, "cpu_s");
            List<String> paired = new ArrayList<>();
            for (int r = 0; r < firstN.runs.size(); r++) { // each repeat runs flow and floor back to back: the fairest pairs under a varying load
                paired.add(String.format(Locale.ROOT, "%.2f", Double.parseDouble(firstN.runs.get(r).get("run_s"))
                        / Double.parseDouble(plainN.runs.get(r).get("run_s"))));
            }
            System.out.printf(Locale.ROOT, "Target 1, flow within 2x of the plain loop at %,d items: first sync %.2fx the floor's wall time "
                    + "(per repeat: %s; %.2fx its CPU time) -> %s%n", n, ratio, String.join(", ", paired), cpuRatio, ratio <= 2.0 ? "MET" : "NOT MET");
            double liveN = Double.parseDouble(firstN.live.get("live_heap_peak"));
            double liveSmall = Double.parseDouble(firstSmall.live.get("live_heap_peak"));
            double afterN = max(firstN.runs, "heap_after_gc_peak");
            double afterSmall = max(firstSmall.runs, "heap_after_gc_peak");
            System.out.printf(Locale.ROOT, "Target 2, heap flat: live heap %s MB at %,d items vs %s MB at %,d items (x%.2f for x%.0f items); "
                            + "peak after GC %s vs %s MB -> %s%n", mb(liveN), n, mb(liveSmall), small, liveN / liveSmall, (double) n / small,
                    mb(afterN), mb(afterSmall), liveN <= 1.5 * liveSmall ? "MET" : "NOT MET");
            System.out.printf(Locale.ROOT, "                 and the first sync of %,d items completes with %s: %,.0f items/s, peak RSS %s MB%n", n,
                    SMALL_HEAP, median(tight.runs, "items_per_s"), mb(max(tight.runs, "rss_peak")));
            System.out.printf(Locale.ROOT, "Second sync of the unchanged library: %,d library rows written (library_sync_seen: %,d ids "
                    + "inserted and deleted, by design)%n", (long) max(secondN.runs, "rows_written"), n);
        }

        private static Row find(List<Row> rows, String label, int size) {
            return rows.stream().filter(r -> r.size == size && r.label.equals(label)).findFirst().orElseThrow();
        }
    }

    static final String PLAIN = "plain JDBC loop (floor)";
    static final String FIRST = "flow, first sync (empty store)";
    static final String SECOND = "flow, second sync (unchanged)";
    static final String SMALL_HEAP = "-Xmx64m";
    static final String FIRST_SMALL_HEAP = "flow, first sync, " + SMALL_HEAP;

    private record Row(String label, int size, List<Map<String, String>> runs, double floor, Map<String, String> live) {
    }

    static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / (1024 * 1024));
    }

    static double median(List<Map<String, String>> runs, String key) {
        double[] v = runs.stream().mapToDouble(m -> Double.parseDouble(m.get(key))).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double max(List<Map<String, String>> runs, String key) {
        return runs.stream().mapToDouble(m -> Double.parseDouble(m.get(key))).max().orElse(0);
    }

    static Map<String, String> parse(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : line.trim().split(" ")) {
            int eq = kv.indexOf('=');
            m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return m;
    }

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Child: one measurement in its own JVM
    // ------------------------------------------------------------------------------------------------------------

    static final class Child {
        /** Every library table and the columns fingerprinted (all but synced_at), in a stable order. */
        static final Map<String, String> TABLES = new LinkedHashMap<>();

        static {
            TABLES.put("library_items", "SELECT item_id, name, item_type, runtime_ticks, runtime_seconds, production_year, premiere_date, "
                    + "series_id, series_name, season_id, season_number, episode_number, path, container, video_codec, resolution_width, "
                    + "resolution_height, community_rating, official_rating, overview, date_created, parent_id, content_hash "
                    + "FROM library_items ORDER BY item_id");
            TABLES.put("item_genres", "SELECT item_id, genre_id, genre_name FROM item_genres ORDER BY item_id, genre_id");
            TABLES.put("item_tags", "SELECT item_id, tag FROM item_tags ORDER BY item_id, tag");
            TABLES.put("item_studios", "SELECT item_id, studio FROM item_studios ORDER BY item_id, studio");
            TABLES.put("item_provider_ids", "SELECT item_id, provider, provider_value FROM item_provider_ids ORDER BY item_id, provider");
        }

        private Child() {
        }

        static void main(String mode, Path dir, String url, int n) throws Exception {
            Map<String, Object> out = new LinkedHashMap<>();
            Path db;
            try (HeapMonitor mon = new HeapMonitor(mode.equals("flow-live"))) {
                if (mode.equals("plain")) {
                    db = plain(dir, url, n, mon, out);
                } else {
                    db = flow(dir, url, mon, out);
                }
            }
            out.put("rss_peak", procStatusKb("VmHWM") * 1024);
            out.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
            out.put("cpus", Runtime.getRuntime().availableProcessors());
            out.put("gc", String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName().replace(' ', '_')).toList()));
            if (!mode.equals("flow-live")) {
                fingerprint(db, out);
            }
            StringBuilder sb = new StringBuilder(RESULT);
            out.forEach((k, v) -> sb.append(k).append('=').append(String.valueOf(v).replace(' ', '_')).append(' '));
            System.out.println(sb.toString().trim());
        }

        /** The real application, one run of emby-sync-library. */
        private static Path flow(Path dir, String url, HeapMonitor mon, Map<String, Object> out) throws Exception {
            long t0 = System.nanoTime();
            try (TestApp app = TestApp.start(dir, Map.of("EMBY_URL", url, "EMBY_API_KEY", FakeMediaServer.API_KEY,
                    "EMBY_PAGE_SIZE", String.valueOf(PAGE_SIZE), "EMBY_COMMIT_EVERY", String.valueOf(COMMIT_EVERY)))) {
                out.put("app_start_s", seconds(System.nanoTime() - t0));
                mon.reset();
                long r0 = System.nanoTime();
                FlowOutcome o = app.run("emby-sync-library");
                long runNs = System.nanoTime() - r0;
                mon.stop();
                if (!o.ok()) {
                    throw new IllegalStateException("emby-sync-library failed: " + o.error());
                }
                long read = o.result().read();
                out.put("items", read);
                out.put("run_s", seconds(runNs));
                out.put("items_per_s", String.format(Locale.ROOT, "%.1f", read / (runNs / 1e9)));
                out.put("flow_duration_ms", o.durationMs());
                out.put("rows_written", o.result().written() + o.result().counter("child_rows_written"));
                out.put("counters", o.result().counters().toString().replace(" ", "").replace("{", "").replace("}", ""));
                mon.report(out);
                return app.app().store().sqliteFile();
            }
        }

        /** The floor: the best plain loop writing the same rows. */
        private static Path plain(Path dir, String url, int n, HeapMonitor mon, Map<String, Object> out) throws Exception {
            Path file;
            try (Store store = Store.open(TestApp.settings(dir, Map.of()))) { // the same schema, by the app's own migrations
                file = store.sqliteFile();
            }
            Properties p = new Properties(); // the store's pragmas
            p.setProperty("journal_mode", "WAL");
            p.setProperty("synchronous", "NORMAL");
            p.setProperty("foreign_keys", "true");
            p.setProperty("busy_timeout", "30000");
            mon.reset();
            long t0 = System.nanoTime();
            long fetchNs = 0;
            long mapNs = 0;
            long jdbcNs = 0;
            long items = 0;
            long rows = 0;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            ObjectMapper json = new ObjectMapper();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            HexFormat hex = HexFormat.of();
            String now = Instant.now().toString();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, p)) {
                c.setAutoCommit(false);
                GenreResolver resolver = GenreResolver.load(c);
                Map<String, Long> genreIds = new HashMap<>();
                Map<String, List<String>> seriesGenres = new HashMap<>();
                try (PreparedStatement item = c.prepareStatement("INSERT INTO library_items (item_id, name, item_type, runtime_ticks, "
                        + "runtime_seconds, production_year, premiere_date, series_id, series_name, season_id, season_number, episode_number, "
                        + "path, container, video_codec, resolution_width, resolution_height, community_rating, official_rating, overview, "
                        + "date_created, parent_id, content_hash, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?)");
                     PreparedStatement genre = c.prepareStatement("INSERT INTO item_genres (item_id, genre_id, genre_name) VALUES (?, ?, ?)");
                     PreparedStatement tag = c.prepareStatement("INSERT INTO item_tags (item_id, tag) VALUES (?, ?)");
                     PreparedStatement studio = c.prepareStatement("INSERT INTO item_studios (item_id, studio) VALUES (?, ?)");
                     PreparedStatement provider = c.prepareStatement("INSERT INTO item_provider_ids (item_id, provider, provider_value) VALUES (?, ?, ?)")) {
                    int start = 0;
                    long total = Long.MAX_VALUE;
                    int inBatch = 0;
                    StringBuilder why = new StringBuilder();
                    while (start < total) {
                        long f0 = System.nanoTime();
                        JsonNode page = fetchPage(http, json, url, start, PAGE_SIZE);
                        fetchNs += System.nanoTime() - f0;
                        total = page.get("TotalRecordCount").asLong();
                        JsonNode list = page.get("Items");
                        if (list.isEmpty()) {
                            break;
                        }
                        for (JsonNode node : list) {
                            long m0 = System.nanoTime();
                            LibraryItem i = LibraryItemMapper.map(node, why).orElseThrow(() -> new IllegalStateException(why.toString()));
                            if ("Series".equals(i.itemType())) {
                                seriesGenres.put(i.itemId(), i.genres());
                            } else if (i.isEpisode() && i.genres().isEmpty() && i.seriesId() != null) {
                                List<String> g = seriesGenres.get(i.seriesId());
                                if (g == null) {
                                    throw new IllegalStateException("series " + i.seriesId() + " not listed before its episodes");
                                }
                                if (!g.isEmpty()) {
                                    i = i.withGenres(g);
                                }
                            }
                            String hash = hex.formatHex(sha.digest(json.writeValueAsBytes(i)), 0, 16);
                            long j0 = System.nanoTime();
                            mapNs += j0 - m0;
                            bindItem(item, i, hash, now);
                            item.addBatch();
                            rows++;
                            Set<Long> ids = new HashSet<>();
                            for (String name : i.genres()) {
                                boolean movie = i.isMovie();
                                long id = genreIds.computeIfAbsent((movie ? "m:" : "t:") + name, k -> resolver.idFor(name, movie));
                                if (ids.add(id)) {
                                    genre.setString(1, i.itemId());
                                    genre.setLong(2, id);
                                    genre.setString(3, name);
                                    genre.addBatch();
                                    rows++;
                                }
                            }
                            rows += pairs(tag, i.itemId(), i.tags());
                            rows += pairs(studio, i.itemId(), i.studios());
                            for (Map.Entry<String, String> e : i.providerIds().entrySet()) {
                                provider.setString(1, i.itemId());
                                provider.setString(2, e.getKey());
                                provider.setString(3, e.getValue());
                                provider.addBatch();
                                rows++;
                            }
                            items++;
                            if (++inBatch == COMMIT_EVERY) {
                                commit(c, item, genre, tag, studio, provider);
                                inBatch = 0;
                            }
                            jdbcNs += System.nanoTime() - j0;
                        }
                        start += list.size();
                    }
                    long j0 = System.nanoTime();
                    commit(c, item, genre, tag, studio, provider);
                    jdbcNs += System.nanoTime() - j0;
                }
            }
            long runNs = System.nanoTime() - t0;
            mon.stop();
            if (items != n) {
                throw new IllegalStateException("plain loop read " + items + " items of " + n);
            }
            out.put("items", items);
            out.put("run_s", seconds(runNs));
            out.put("items_per_s", String.format(Locale.ROOT, "%.1f", items / (runNs / 1e9)));
            out.put("rows_written", rows);
            out.put("fetch_s", seconds(fetchNs));
            out.put("map_s", seconds(mapNs));
            out.put("jdbc_s", seconds(jdbcNs));
            mon.report(out);
            return file;
        }

        private static void commit(Connection c, PreparedStatement... statements) throws SQLException {
            for (PreparedStatement s : statements) {
                s.executeBatch();
            }
            c.commit();
        }

        private static int pairs(PreparedStatement ps, String itemId, List<String> values) throws SQLException {
            int n = 0;
            Set<String> seen = new HashSet<>();
            for (String v : values) {
                if (seen.add(v)) {
                    ps.setString(1, itemId);
                    ps.setString(2, v);
                    ps.addBatch();
                    n++;
                }
            }
            return n;
        }

        private static void bindItem(PreparedStatement ps, LibraryItem i, String hash, String now) throws SQLException {
            int k = 1;
            ps.setString(k++, i.itemId());
            ps.setString(k++, i.name());
            ps.setString(k++, i.itemType());
            setLong(ps, k++, i.runtimeTicks());
            setLong(ps, k++, i.runtimeSeconds());
            setLong(ps, k++, i.productionYear() == null ? null : i.productionYear().longValue());
            ps.setString(k++, i.premiereDate());
            ps.setString(k++, i.seriesId());
            ps.setString(k++, i.seriesName());
            ps.setString(k++, i.seasonId());
            setLong(ps, k++, i.seasonNumber() == null ? null : i.seasonNumber().longValue());
            setLong(ps, k++, i.episodeNumber() == null ? null : i.episodeNumber().longValue());
            ps.setString(k++, i.path());
            ps.setString(k++, i.container());
            ps.setString(k++, i.videoCodec());
            setLong(ps, k++, i.resolutionWidth() == null ? null : i.resolutionWidth().longValue());
            setLong(ps, k++, i.resolutionHeight() == null ? null : i.resolutionHeight().longValue());
            if (i.communityRating() == null) {
                ps.setNull(k++, Types.DOUBLE);
            } else {
                ps.setDouble(k++, i.communityRating());
            }
            ps.setString(k++, i.officialRating());
            ps.setString(k++, i.overview());
            ps.setString(k++, i.dateCreated());
            ps.setString(k++, i.parentId());
            ps.setString(k++, hash);
            ps.setString(k, now);
        }

        private static void setLong(PreparedStatement ps, int k, Long v) throws SQLException {
            if (v == null) {
                ps.setNull(k, Types.BIGINT);
            } else {
                ps.setLong(k, v);
            }
        }

        /** Row count and a SHA-256 over every row of every library table, in key order. */
        private static void fingerprint(Path db, Map<String, Object> out) throws Exception {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
                for (Map.Entry<String, String> t : TABLES.entrySet()) {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    long count = 0;
                    try (ResultSet rs = s.executeQuery(t.getValue())) {
                        int cols = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int k = 1; k <= cols; k++) {
                                sha.update(String.valueOf(rs.getObject(k)).getBytes(StandardCharsets.UTF_8));
                                sha.update((byte) 0x1f);
                            }
                            sha.update((byte) 0x1e);
                            count++;
                        }
                    }
                    out.put("rows_" + t.getKey(), count);
                    out.put("fp_" + t.getKey(), HexFormat.of().formatHex(sha.digest(), 0, 8));
                }
            }
        }

        private static String seconds(long ns) {
            return String.format(Locale.ROOT, "%.3f", ns / 1e9);
        }

        static long procStatusKb(String field) {
            try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
                return lines.filter(l -> l.startsWith(field + ":")).map(l -> l.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong)
                        .findFirst().orElse(-1);
            } catch (IOException e) {
                return -1;
            }
        }
    }

    /**
     * Heap over a run: the highest heap use seen (sampled every 5 ms, and the "before" figure of every collection),
     * the highest heap left after any collection (an upper bound of the live heap at that moment, garbage in the old
     * generation included), the CPU time of the whole process (every thread: the flow, GC, JIT, HTTP client), and, in forced mode, the heap left after a full GC forced every 250 ms (the live heap).
     */
    static long processCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static final class HeapMonitor implements AutoCloseable {
        private final boolean forced;
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private final AtomicLong peakLive = new AtomicLong();
        private final Set<String> heapPools = new HashSet<>();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener;
        private volatile boolean sampling;
        private volatile boolean running = true;
        private final Thread sampler;
        private long gcCount0;
        private long gcMillis0;
        private long cpu0;
        private long cpuNs;

        HeapMonitor(boolean forced) {
            this.forced = forced;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            listener = (notification, handback) -> {
                if (!sampling || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                peakUsed.accumulateAndGet(heapSum(info.getMemoryUsageBeforeGc()), Math::max);
                peakAfterGc.accumulateAndGet(heapSum(info.getMemoryUsageAfterGc()), Math::max);
            };
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter e) {
                    e.addNotificationListener(listener, null, null);
                    emitters.add(e);
                }
            }
            sampler = new Thread(this::sample, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        private long heapSum(Map<String, MemoryUsage> usage) {
            long sum = 0;
            for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) {
                if (heapPools.contains(e.getKey())) {
                    sum += e.getValue().getUsed();
                }
            }
            return sum;
        }

        private void sample() {
            var mem = ManagementFactory.getMemoryMXBean();
            while (running) {
                try {
                    if (sampling) {
                        if (forced) {
                            System.gc();
                            peakLive.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                        }
                        peakUsed.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                    }
                    Thread.sleep(forced ? 250 : 5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void reset() {
            peakUsed.set(0);
            peakAfterGc.set(0);
            peakLive.set(0);
            gcCount0 = gcCount();
            gcMillis0 = gcMillis();
            cpu0 = processCpuNs();
            sampling = true;
        }

        void stop() {
            cpuNs = processCpuNs() - cpu0;
            if (forced) {
                System.gc();
                peakLive.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            }
            sampling = false;
        }

        void report(Map<String, Object> out) {
            out.put("heap_peak", peakUsed.get());
            out.put("heap_after_gc_peak", peakAfterGc.get());
            out.put("live_heap_peak", peakLive.get());
            out.put("gc_count", gcCount() - gcCount0);
            out.put("gc_ms", gcMillis() - gcMillis0);
            out.put("cpu_s", String.format(Locale.ROOT, "%.3f", cpuNs / 1e9));
        }

        private static long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }

        @Override
        public void close() throws Exception {
            running = false;
            sampler.interrupt();
            for (NotificationEmitter e : emitters) {
                e.removeNotificationListener(listener);
            }
        }
    }
}
