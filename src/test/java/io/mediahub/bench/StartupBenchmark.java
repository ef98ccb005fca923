package io.mediahub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up of the short commands ({@code ./mvnw -Pbench verify}): {@code --version}, {@code parse-name NAME},
 * {@code flows} and {@code run store-backup-database}, each started as users start it ({@code bin/mediahub}), against
 * a baseline build started as it was ({@code java -jar BASELINE/target/mediahub.jar}). The two are run alternately,
 * one after the other, several times, so that a busy machine slows both alike; the figures are the medians of the
 * wall times and their ratio (this build / baseline) beside its target.
 *
 * <p>Each side has its own data folder (stores made once by a first {@code flows}), and neither sees the developer's
 * environment or {@code .env}. Arguments: this checkout's folder, how many runs (default 7), and the baseline's folder
 * (a checkout with {@code target/mediahub.jar} built); without a baseline only this build is measured, and one line
 * says so.
 */
public final class StartupBenchmark {
    /** Each command and its target ratio against the baseline. */
    private static final List<Map.Entry<List<String>, Double>> COMMANDS = List.of(
            Map.entry(List.of("--version"), 0.8),
            Map.entry(List.of("flows"), 0.65),
            Map.entry(List.of("parse-name", "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv"), 0.9),
            Map.entry(List.of("run", "store-backup-database"), 0.6));

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int runs = args.length > 1 && !args[1].isBlank() ? Integer.parseInt(args[1].trim()) : 7;
        Path baseline = args.length > 2 && !args[2].isBlank() ? Path.of(args[2].trim()).toAbsolutePath().normalize() : null;
        Path launcher = home.resolve("bin/mediahub");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        System.out.printf("start-up benchmark: %d cores, load average %.1f, Java %s, %d alternating runs per command (medians)%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"), runs);
        if (!Files.isRegularFile(home.resolve("target/mediahub.jar"))) {
            System.out.println("start-up benchmark: skipped, target/mediahub.jar is not built (./mvnw -Pbench verify builds it first)");
            return;
        }
        System.out.println("  this build: bin/mediahub" + (Files.isRegularFile(home.resolve("target/mediahub.jsa"))
                ? " (with target/mediahub.jsa)" : " (no class-data-sharing archive: built with -Dcds.skip?)"));
        Path baseJar = baseline == null ? null : baseline.resolve("target/mediahub.jar");
        if (baseJar == null || !Files.isRegularFile(baseJar)) {
            System.out.println("start-up benchmark: no baseline, so no ratios: set -Dbench.startup.baseline=FOLDER, a checkout of the "
                    + "commit to compare with, packaged (" + (baseline == null ? "not set" : baseJar + " is missing") + ")");
            baseJar = null;
        } else {
            System.out.println("  baseline:   java -jar " + baseJar);
        }
        Path work = Files.createTempDirectory("mediahub-startup-bench");
        Side now = new Side(List.of(launcher.toString()), work.resolve("this"));
        Side base = baseJar == null ? null : new Side(List.of(java, "-jar", baseJar.toString()), work.resolve("baseline"));
        // The stores both sides read: made (and migrated) once, before anything is measured.
        now.time(List.of("flows"));
        if (base != null) {
            base.time(List.of("flows"));
        }
        System.out.printf("  %-52s %12s %12s %8s %8s%n", "command", "baseline", "this build", "ratio", "target");
        for (Map.Entry<List<String>, Double> c : COMMANDS) {
            List<Long> mine = new ArrayList<>();
            List<Long> theirs = new ArrayList<>();
            now.time(c.getKey()); // warm the file cache for both, unmeasured
            if (base != null) {
                base.time(c.getKey());
            }
            for (int i = 0; i < runs; i++) {
                if (base != null) {
                    theirs.add(base.time(c.getKey()));
                }
                mine.add(now.time(c.getKey()));
            }
            double m = median(mine) / 1e9;
            if (base == null) {
                System.out.printf("  %-52s %12s %10.2f s %8s %7.2fx%n", String.join(" ", c.getKey()), "-", m, "-", c.getValue());
            } else {
                double b = median(theirs) / 1e9;
                System.out.printf("  %-52s %10.2f s %10.2f s %7.2fx %7.2fx %s%n", String.join(" ", c.getKey()), b, m, m / b, c.getValue(),
                        m / b <= c.getValue() ? "met" : "NOT met");
            }
        }
        System.out.println();
    }

    private static double median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    /** One way of starting Mediahub, in its own data folder. */
    private record Side(List<String> start, Path folder) {
        Side {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Wall time of one command, in ns; its output is discarded, a non-zero exit stops the benchmark. */
        long time(List<String> args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(start);
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            String path = System.getenv("PATH");
            pb.environment().clear();
            pb.environment().putAll(Map.of("PATH", path == null ? "/usr/bin:/bin" : path, "JAVA_HOME", System.getProperty("java.home"),
                    "MEDIAHUB_DATA_DIR", folder.resolve("data").toString()));
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end in 5 minutes");
            }
            long t = System.nanoTime() - t0;
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + " in " + folder);
            }
            return t;
        }
    }
}
