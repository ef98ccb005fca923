package io.mediahub.intake;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A drop of N small files (default 1,000) end to end: real ffprobe on every file, SHA-256, the fake TMDb (searched,
 * nothing found, so every file takes the three searches of the fallback chain), naming, moves, sidecars and rows.
 * One ffmpeg-made clip is copied N times with a different tail, so every file has its own content.
 *
 * <p>Run: {@code ./mvnw -Pbench verify} (all benchmarks), {@code ./mvnw -Pbench test-compile exec:exec@bench-intake
 * -Dbench.intake-files=1000}, or {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * io.mediahub.intake.IntakeBenchmark 1000} after {@code ./mvnw -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt}.
 */
public final class IntakeBenchmark {
    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("intake-bench");
        try (FakeTmdb tmdb = new FakeTmdb()) {
            Path inbox = dir.resolve("data/inbox");
            Files.createDirectories(inbox);
            Path clip = TestMedia.video(dir.resolve("work/clip.mkv"), 1, 440, Map.of());
            byte[] bytes = Files.readAllBytes(clip);
            for (int i = 0; i < n; i++) {
                Path f = inbox.resolve(String.format("Bench.Drop.%04d.2020.720p.mkv", i));
                Files.write(f, bytes);
                Files.writeString(f, "tail" + i, StandardOpenOption.APPEND);
            }
            long total = (long) bytes.length * n;
            Map<String, String> env = new java.util.HashMap<>(tmdb.env());
            env.putAll(Map.of("MEDIAHUB_LIBRARY_DIR", dir.resolve("library").toString(), "INTAKE_SETTLE_TIME", "0"));
            System.out.printf("intake benchmark: %,d files, %d cores, Java %s, load average %.1f%n", n,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            try (TestApp app = TestApp.start(dir.resolve("data"), env)) {
                long t0 = System.nanoTime();
                FlowOutcome o = app.run("intake-scan-inbox");
                double s = (System.nanoTime() - t0) / 1e9;
                if (!o.ok()) {
                    throw new IllegalStateException(o.error());
                }
                System.out.printf("intake-scan-inbox: %d files (%.1f MB) in %.1f s = %.1f files/s; %s; rows %d%n", n, total / 1e6, s, n / s,
                        o.result(), app.count("SELECT COUNT(*) FROM media"));
            }
        } finally {
            try (Stream<Path> w = Files.walk(dir)) {
                w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
