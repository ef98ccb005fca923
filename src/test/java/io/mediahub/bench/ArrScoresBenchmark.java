package io.mediahub.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mediahub.arr.ArrAnalysis;
import io.mediahub.arr.ArrReports;
import io.mediahub.arr.ArrService;
import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.TestApp;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Benchmark (not a test) of the Radarr/Sonarr export: the real application (real routes, SQLite store in a temp
 * folder) against a fake Radarr with N movies and a fake Sonarr with S series of E episode files each, served by a
 * JDK HTTP server on loopback that generates the bodies as it streams them. For each service it times the export flow
 * (listing, mapping, store, changes, dashboard refresh), then the analysis from the store, the CSV, and the HTML
 * dashboard of both services; then a second export of the unchanged library. Memory: the heap's peak (all heap pools)
 * and the process's peak RSS (VmHWM), for the whole process, fake servers included.
 *
 * <p>{@code java -Xmx1g -cp <test classpath> io.mediahub.bench.ArrScoresBenchmark [movies=20000] [series=1000] [filesPerSeries=60]
 * [rateLimit=0]} — the rate limit is off by default (ARR_RATE_LIMIT=0) so the figure is Mediahub's own cost; the
 * default of 10 requests/s alone makes Sonarr's 2 requests per series take series/5 seconds.
 */
public final class ArrScoresBenchmark {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "bench-key-0123456789";
    static final String[] FORMATS = {"TrueHD ATMOS", "DTS-HD MA", "HDR10", "DV", "x265 (HD)", "BR-DISK", "Tier 01", "Tier 02", "LQ", "Remux Tier 01",
            "AMZN", "NF", "Repack/Proper", "10bit", "EVO (no WEBDL)", "Unused"};
    static final int[] SCORES = {50, 40, 30, 20, -10000, -10000, 100, 90, -60, 1900, 10, 10, 5, 0, -100, 200};

    private ArrScoresBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.io.mediahub", "warn");
        // Radarr and Sonarr (ASP.NET Core's Kestrel) answer with TCP_NODELAY; the JDK's test server does not unless told,
        // and its Nagle delay against the client's delayed ACK then adds up to 40 ms to many small answers: that measured
        // the fake server, not Mediahub (Sonarr's 1,000 requests took 11-17 s instead of 4-5 s).
        System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
        int movies = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int series = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int perSeries = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String rate = args.length > 3 ? args[3] : "0";
        HttpServer radarr = fake("Radarr", movies, 0, 0);
        HttpServer sonarr = fake("Sonarr", 0, series, perSeries);
        Path dir = Files.createTempDirectory("arr-bench");
        System.out.printf(Locale.ROOT, "Radarr %,d movies; Sonarr %,d series x %d episode files = %,d; ARR_RATE_LIMIT=%s; -Xmx %d MB; %d cores%n",
                movies, series, perSeries, series * perSeries, rate, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        Map<String, String> env = Map.of("RADARR_URL", "http://127.0.0.1:" + radarr.getAddress().getPort(), "RADARR_API_KEY", KEY,
                "SONARR_URL", "http://127.0.0.1:" + sonarr.getAddress().getPort(), "SONARR_API_KEY", KEY, "ARR_RATE_LIMIT", rate,
                "ARR_CACHE_ENABLED", "false", "HTTP_READ_TIMEOUT", "300");
        List<String> rows = new ArrayList<>();
        try (TestApp app = TestApp.start(dir.resolve("data"), env)) {
            ArrReports reports = app.app().bean("arrReports", ArrReports.class);
            List<ArrAnalysis> analyses = new ArrayList<>();
            for (ArrService s : ArrService.values()) {
                long t0 = System.nanoTime();
                FlowOutcome o = app.run(s.flowId());
                long t1 = System.nanoTime();
                if (!o.ok()) {
                    throw new IllegalStateException(o.error());
                }
                ArrAnalysis a = reports.analyze(s, reports.threshold()).orElseThrow();
                long t2 = System.nanoTime();
                Path csv = reports.writeCsv(a, dir.resolve("csv"));
                long t3 = System.nanoTime();
                analyses.add(a);
                rows.add(String.format(Locale.ROOT, "%-7s %,9d files  export %6.1f s  analysis %5.1f s  CSV %5.1f s (%,d KB)  candidates %,d  health %.1f (%s)",
                        s.displayName(), a.statistics().total(), sec(t1 - t0), sec(t2 - t1), sec(t3 - t2), Files.size(csv) >> 10, a.candidates().size(),
                        a.health().score(), a.health().grade()));
            }
            long h0 = System.nanoTime();
            Path html = dir.resolve("dashboard.html");
            reports.writeHtml(analyses, html, 500);
            long h1 = System.nanoTime();
            rows.add(String.format(Locale.ROOT, "HTML dashboard (both services) %.2f s, %,d KB", sec(h1 - h0), Files.size(html) >> 10));
            for (ArrService s : ArrService.values()) {
                long t0 = System.nanoTime();
                FlowOutcome o = app.run(s.flowId());
                rows.add(String.format(Locale.ROOT, "%s second export (unchanged library) %.1f s: %s", s.displayName(), sec(System.nanoTime() - t0),
                        o.ok() ? o.result().counter("files") + " files, " + (o.result().counter("improved") + o.result().counter("degraded")
                                + o.result().counter("new_file") + o.result().counter("removed")) + " changes" : o.error()));
            }
            rows.add(String.format(Locale.ROOT, "store %,d MB", Files.size(dir.resolve("data").resolve("mediahub.db")) >> 20));
        } finally {
            radarr.stop(0);
            sonarr.stop(0);
        }
        rows.forEach(System.out::println);
        long heapPeak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                heapPeak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap %d MB, peak RSS %s (whole process, fake servers included)%n", heapPeak >> 20, rss());
    }

    static double sec(long nanos) {
        return nanos / 1e9;
    }

    static String rss() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmHWM:")) {
                return (Long.parseLong(l.replaceAll("\\D", "")) >> 10) + " MB";
            }
        }
        return "?";
    }

    static HttpServer fake(String app, int movies, int series, int perSeries) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        s.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-" + app);
            t.setDaemon(true);
            return t;
        }));
        s.createContext("/", ex -> {
            try (ex) {
                if (!KEY.equals(ex.getRequestHeaders().getFirst("X-Api-Key"))) {
                    ex.sendResponseHeaders(401, -1);
                    return;
                }
                String path = ex.getRequestURI().getPath();
                String query = ex.getRequestURI().getQuery();
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody(); JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                    switch (path) {
                        case "/api/v3/system/status" -> {
                            g.writeStartObject();
                            g.writeStringField("appName", app);
                            g.writeStringField("version", "bench");
                            g.writeEndObject();
                        }
                        case "/api/v3/qualityprofile" -> profiles(g);
                        case "/api/v3/customformat" -> {
                            g.writeStartArray();
                            for (int i = 0; i < FORMATS.length; i++) {
                                g.writeStartObject();
                                g.writeNumberField("id", i + 1);
                                g.writeStringField("name", FORMATS[i]);
                                g.writeEndObject();
                            }
                            g.writeEndArray();
                        }
                        case "/api/v3/movie" -> {
                            g.writeStartArray();
                            for (int i = 1; i <= movies; i++) {
                                movie(g, i);
                            }
                            g.writeEndArray();
                        }
                        case "/api/v3/series" -> {
                            g.writeStartArray();
                            for (int i = 1; i <= series; i++) {
                                g.writeStartObject();
                                g.writeNumberField("id", i);
                                g.writeStringField("title", "Series " + i);
                                g.writeNumberField("year", 2000 + i % 25);
                                g.writeNumberField("tvdbId", 70000 + i);
                                g.writeNumberField("qualityProfileId", 1 + i % 2);
                                g.writeStringField("network", i % 3 == 0 ? "HBO" : "BBC One");
                                g.writeEndObject();
                            }
                            g.writeEndArray();
                        }
                        case "/api/v3/episode", "/api/v3/episodefile" -> {
                            int sid = Integer.parseInt(query.replaceAll(".*seriesId=(\\d+).*", "$1"));
                            g.writeStartArray();
                            for (int e = 0; e < perSeries; e++) {
                                long fileId = (long) sid * 1000 + e;
                                if (path.endsWith("episode")) {
                                    g.writeStartObject();
                                    g.writeNumberField("id", fileId);
                                    g.writeNumberField("seriesId", sid);
                                    g.writeNumberField("episodeFileId", fileId);
                                    g.writeNumberField("seasonNumber", 1 + e / 20);
                                    g.writeNumberField("episodeNumber", 1 + e % 20);
                                    g.writeStringField("title", "Episode " + e);
                                    g.writeStringField("airDate", String.format(Locale.ROOT, "2020-%02d-%02d", 1 + e % 12, 1 + e % 28));
                                    g.writeBooleanField("hasFile", true);
                                    g.writeEndObject();
                                } else {
                                    file(g, fileId, (int) (sid * 31 + e), 1 + e / 20);
                                }
                            }
                            g.writeEndArray();
                        }
                        default -> g.writeNull();
                    }
                }
            }
        });
        s.start();
        return s;
    }

    static void profiles(JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (int p = 1; p <= 2; p++) {
            g.writeStartObject();
            g.writeNumberField("id", p);
            g.writeStringField("name", p == 1 ? "HD Bluray + WEB" : "UHD Remux");
            g.writeBooleanField("upgradeAllowed", true);
            g.writeNumberField("cutoff", 7);
            g.writeNumberField("minFormatScore", 0);
            g.writeNumberField("cutoffFormatScore", p == 1 ? 100 : 1000);
            g.writeArrayFieldStart("formatItems");
            for (int i = 0; i < FORMATS.length; i++) {
                g.writeStartObject();
                g.writeNumberField("format", i + 1);
                g.writeStringField("name", FORMATS[i]);
                g.writeNumberField("score", SCORES[i] * (p == 2 && i < 4 ? 2 : 1));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void movie(JsonGenerator g, int i) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", i);
        g.writeStringField("title", "Movie " + i);
        g.writeNumberField("year", 1950 + i % 75);
        g.writeNumberField("tmdbId", 100000 + i);
        g.writeStringField("imdbId", "tt" + (1000000 + i));
        g.writeNumberField("qualityProfileId", 1 + i % 2);
        boolean has = i % 20 != 0;
        g.writeBooleanField("hasFile", has);
        if (has) {
            g.writeFieldName("movieFile");
            file(g, i, i, 0);
        }
        g.writeEndObject();
    }

    static void file(JsonGenerator g, long id, int seed, int season) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", id);
        if (season > 0) {
            g.writeNumberField("seasonNumber", season);
        }
        g.writeStringField("relativePath", "Folder " + seed + "/File." + id + ".mkv");
        g.writeNumberField("size", (long) (1 + seed % 40) * 1024 * 1024 * 1024 / (season > 0 ? 8 : 1));
        g.writeStringField("dateAdded", "2025-01-01T00:00:00Z");
        g.writeStringField("releaseGroup", "GRP" + seed % 50);
        g.writeObjectFieldStart("quality");
        g.writeObjectFieldStart("quality");
        boolean uhd = seed % 7 == 0;
        g.writeNumberField("id", uhd ? 19 : 7);
        g.writeStringField("name", uhd ? "Bluray-2160p" : seed % 3 == 0 ? "WEBDL-1080p" : "Bluray-1080p");
        g.writeNumberField("resolution", uhd ? 2160 : 1080);
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("customFormats");
        int n = seed % 4;
        for (int k = 0; k < n; k++) {
            int f = (seed / 4 + k * 5) % FORMATS.length;
            if (f == 4 || f == 5) {
                f = 6;
            }
            g.writeStartObject();
            g.writeNumberField("id", f + 1);
            g.writeStringField("name", FORMATS[f]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("customFormatScore", seed % 5 == 0 ? 0 : (seed % 13) * 20 - 60);
        g.writeBooleanField("qualityCutoffNotMet", seed % 6 == 0);
        g.writeObjectFieldStart("mediaInfo");
        g.writeStringField("resolution", uhd ? "3840x2160" : "1920x1080");
        g.writeStringField("videoCodec", seed % 2 == 0 ? "x265" : "x264");
        g.writeStringField("audioCodec", seed % 3 == 0 ? "AAC" : "TrueHD Atmos");
        g.writeNumberField("audioChannels", 5.1);
        g.writeStringField("videoDynamicRangeType", uhd && seed % 2 == 0 ? "HDR10" : "");
        g.writeEndObject();
        g.writeEndObject();
    }
}
