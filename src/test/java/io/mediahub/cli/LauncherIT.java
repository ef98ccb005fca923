package io.mediahub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/mediahub} and the packaged jar as users start them: the launcher from another folder and through a link,
 * and the short commands loading neither Camel nor Flyway (read from the JVM's own class-loading log).
 */
class LauncherIT {
    private static final Path HOME = Path.of("").toAbsolutePath();
    private static final Path LAUNCHER = HOME.resolve("bin/mediahub");
    private static final Path JAR = HOME.resolve("target/mediahub.jar");

    @TempDir
    Path dir;

    record Result(int code, String out) {
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        // Never the developer's settings: only what Java needs, and a data folder of the test's own.
        String path = System.getenv("PATH");
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", path == null ? "/usr/bin:/bin" : path, "JAVA_HOME", System.getProperty("java.home"),
                "MEDIAHUB_DATA_DIR", dir.resolve("data").toString()));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    @Test
    void theLauncherRunsTheJarFromAnyFolderAndThroughALink() throws Exception {
        Result version = run(List.of("sh", LAUNCHER.toString(), "--version"));
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("Mediahub ").contains("Apache Camel 4.14").contains("Java ");

        Path link = Files.createSymbolicLink(dir.resolve("mediahub"), LAUNCHER);
        Result parsed = run(List.of(link.toString(), "parse-name", "The.Matrix.1999.1080p.BluRay.x264-GRP.mkv"));
        assertThat(parsed.code()).isZero();
        assertThat(parsed.out()).contains("  title: The Matrix").contains("  year: 1999");

        Result unknown = run(List.of(LAUNCHER.toString(), "run", "no-such-flow"));
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.out()).contains("No flow called 'no-such-flow'");
    }

    @Test
    void theBuildMadeAClassDataSharingArchiveTheLauncherUses() {
        Path archive = HOME.resolve("target/mediahub.jsa");
        assertThat(archive).exists();
        assertThat(archive.toFile().lastModified()).isGreaterThanOrEqualTo(JAR.toFile().lastModified());
    }

    @Test
    void versionAndParseNameStartNoCamelAndOpenNoStore() throws Exception {
        for (String[] args : new String[][] {{"--version"}, {"parse-name", "Show.S01E02.mkv"}, {"parse-name", "--json", "a.mkv"}}) {
            Result r = java(args);
            assertThat(r.code()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).doesNotContain("org.apache.camel.impl.DefaultCamelContext ")
                    .doesNotContain("org.apache.camel.impl.engine.AbstractCamelContext ").doesNotContain("org.flywaydb.").doesNotContain("org.sqlite.");
        }
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void flowsOnAStoreAtTheCurrentSchemaReadsItWithoutCamelOrFlyway() throws Exception {
        Result first = java("flows");
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("org.flywaydb.core.Flyway ").contains("store-backup-database");

        Result again = java("flows");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("store-backup-database").contains("org.sqlite.")
                .doesNotContain("org.flywaydb.").doesNotContain("org.apache.camel.impl.DefaultCamelContext ");
    }
}
