package io.mediahub.cli;

import io.mediahub.Mediahub;
import io.mediahub.config.Settings;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The build's training run for the class-data-sharing archive ({@code target/mediahub.jsa}, used by
 * {@code bin/mediahub}): the short commands, run once in one JVM on embedded defaults in a folder of their own,
 * so that the JVM can list every class they load ({@code -XX:DumpLoadedClassList}). It never reads the environment
 * or a {@code .env} file: the build must not touch the user's store or services.
 *
 * <p>{@code java -XX:DumpLoadedClassList=target/mediahub.classlist -cp target/mediahub.jar io.mediahub.cli.StartupTraining FOLDER}
 */
public final class StartupTraining {
    /** Each command line trained, in order: {@code flows} twice, to load both the migrating and the current-schema path. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("--version"),
            List.of("--help"),
            List.of("parse-name", "The.Matrix.1999.1080p.BluRay.x264-GROUP.mkv", "Show.Name.S01E02.720p.WEB-DL.mkv"),
            List.of("parse-name", "--json", "Artist - Album (2001)/03 - Title.flac"),
            List.of("flows"),
            List.of("flows"),
            List.of("run", "store-backup-database"),
            List.of("backup"));

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: StartupTraining FOLDER");
            System.exit(2);
        }
        // A new, empty folder each time, so the first `flows` migrates a new store (and Flyway's classes are trained).
        Files.createDirectories(Path.of(args[0]));
        Path folder = Files.createTempDirectory(Path.of(args[0]).toAbsolutePath(), "run-");
        Map<String, String> env = Map.of("MEDIAHUB_DATA_DIR", folder.resolve("data").toString(),
                "MEDIAHUB_LIBRARY_DIR", folder.resolve("library").toString(), "INTAKE_INBOX_DIR", folder.resolve("inbox").toString());
        MediahubCommand.useSettings(() -> Settings.load(env, folder.resolve("no.env")));
        PrintStream out = System.out;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true);
        int failed = 0;
        for (List<String> command : COMMANDS) {
            System.setOut(quiet);
            int code;
            try {
                code = Mediahub.execute(command.toArray(String[]::new));
            } finally {
                System.setOut(out);
            }
            if (code != 0) {
                failed++;
                out.println("mediahub " + String.join(" ", command) + ": exit " + code);
            }
        }
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
        out.println("start-up training: " + COMMANDS.size() + " commands, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }
}
