package io.mediahub.intake;

import com.sun.net.httpserver.HttpServer;
import io.mediahub.app.MediahubApplication;
import io.mediahub.intake.download.DownloadQueue;
import io.mediahub.intake.download.YtDlpArgs;
import io.mediahub.jobs.Job;
import io.mediahub.jobs.JobRepository;
import io.mediahub.testing.TestApp;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * N downloads (default 50) from a local site with 4 download workers, against the same N with yt-dlp alone in a shell
 * ({@code xargs -P 4}, the same yt-dlp arguments); three rounds (the second argument), alternating, medians. Both download the same
 * ffmpeg-made clip; Mediahub also files each one (sidecar, .nfo, SHA-256, media row). Needs yt-dlp and ffmpeg.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec@bench-downloads -Dbench.downloads=50}.
 */
public final class DownloadBenchmark {
    private DownloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 50;
        int rounds = args.length > 1 && !args[1].isBlank() ? Integer.parseInt(args[1]) : 3;
        int workers = 4;
        Path dir = Files.createTempDirectory("download-bench");
        byte[] clip = Files.readAllBytes(TestMedia.video(dir.resolve("work/clip.mp4"), 10, 440, Map.of()));
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.setExecutor(Executors.newFixedThreadPool(8));
        site.createContext("/v/", x -> {
            x.getResponseHeaders().set("Content-Type", "video/mp4");
            x.sendResponseHeaders(200, clip.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(clip);
            }
        });
        site.start();
        String base = "http://127.0.0.1:" + site.getAddress().getPort() + "/v/";
        System.out.printf("download benchmark: %d downloads of %,d bytes, %d workers, %d cores, Java %s, load average %.1f%n", n, clip.length,
                workers, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Double> shell = new ArrayList<>();
        List<Double> mediahub = new ArrayList<>();
        try {
            for (int round = 1; round <= rounds; round++) {
                shell.add(shell(dir.resolve("shell-" + round), base, n, workers));
                mediahub.add(mediahub(dir.resolve("mediahub-" + round), base, n, workers));
                System.out.printf("round %d: xargs -P %d yt-dlp %.1f s, Mediahub %.1f s%n", round, workers, shell.get(round - 1), mediahub.get(round - 1));
            }
        } finally {
            site.stop(0);
            try (Stream<Path> w = Files.walk(dir)) {
                w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        double s = median(shell);
        double m = median(mediahub);
        System.out.printf("medians: xargs -P %d yt-dlp %.1f s, Mediahub (%d download workers) %.1f s: %.2fx the shell's wall time%n", workers, s, workers, m, m / s);
    }

    private static double shell(Path root, String base, int n, int workers) throws Exception {
        Files.createDirectories(root);
        List<String> a = new ArrayList<>(YtDlpArgs.download("URL", false, null, "bestvideo[height<=1080]+bestaudio/best", List.of()));
        a = a.subList(0, a.size() - 2);
        StringBuilder script = new StringBuilder("#!/bin/sh\nd=$(mktemp -d -p '" + root + "') && cd \"$d\" && exec yt-dlp");
        for (String arg : a) {
            script.append(" '").append(arg.replace("'", "'\\''")).append("'");
        }
        script.append(" -- \"$1\" > /dev/null\n");
        Path sh = root.resolve("one.sh");
        Files.writeString(sh, script);
        Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwx------"));
        StringBuilder urls = new StringBuilder();
        for (int i = 0; i < n; i++) {
            urls.append(base).append("shell-").append(root.getFileName()).append('-').append(i).append(".mp4\n");
        }
        Path list = root.resolve("urls.txt");
        Files.writeString(list, urls);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("xargs", "-P", String.valueOf(workers), "-n", "1", sh.toString()).redirectInput(list.toFile())
                .redirectErrorStream(true).redirectOutput(root.resolve("xargs.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("xargs yt-dlp failed: " + Files.readString(root.resolve("xargs.log")));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double mediahub(Path root, String base, int n, int workers) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var settings = TestApp.settings(root.resolve("data"), Map.of("MEDIAHUB_HTTP_PORT", String.valueOf(port), "STORE_BACKUP_ENABLED", "false",
                "MEDIAHUB_LIBRARY_DIR", root.resolve("library").toString(), "DOWNLOAD_WORKERS", String.valueOf(workers), "JOBS_POLL_INTERVAL", "0.1",
                "INTAKE_WATCH_ENABLED", "false"));
        try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.CONTAINER)) {
            app.start();
            DownloadQueue queue = app.bean("downloadQueue", DownloadQueue.class);
            JobRepository jobs = app.bean("downloadJobs", JobRepository.class);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                queue.queue(base + "mediahub-" + root.getFileName() + "-" + i + ".mp4", false, null, null);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (true) {
                List<Job> all = jobs.list(true, Duration.ZERO);
                if (all.stream().noneMatch(Job::active)) {
                    long failed = all.stream().filter(j -> !Job.COMPLETED.equals(j.status())).count();
                    if (failed > 0) {
                        throw new IllegalStateException(failed + " download(s) did not complete: " + all.get(0).errorText());
                    }
                    return (System.nanoTime() - t0) / 1e9;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the downloads did not end in 30 minutes");
                }
                Thread.sleep(50);
            }
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
