package io.mediahub;

import io.mediahub.cli.MediahubCommand;
import io.mediahub.config.MissingSettingException;
import picocli.CommandLine;

/** The one entry point: {@code java -jar target/mediahub.jar [run FLOW | flows | backup] [--help] [--version]}. */
public final class Mediahub {
    private Mediahub() {
    }

    public static void main(String[] args) {
        // --version logs nothing, so it needs no settings (and starts sooner without reading them).
        boolean versionOnly = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        if (!versionOnly) {
            try {
                // Before the first logger exists: slf4j-simple reads its levels once.
                String level = io.mediahub.config.Settings.load().get("mediahub.log-level");
                System.setProperty("org.slf4j.simpleLogger.log.io.mediahub", level.toLowerCase(java.util.Locale.ROOT));
            } catch (RuntimeException e) {
                // A broken setting is reported by the command itself, in one line.
            }
        }
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (tests call this; main exits with it). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new MediahubCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // Configuration and start-up problems: one clear line, no stack trace.
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof MissingSettingException m) {
                msg = m.getMessage();
            }
            cmd.getErr().println("mediahub: " + msg.replaceAll("\\s*[\\r\\n]+\\s*", " "));
            return 2;
        });
        return cli.execute(args);
    }
}
