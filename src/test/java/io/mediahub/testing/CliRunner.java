package io.mediahub.testing;

import io.mediahub.Mediahub;
import io.mediahub.cli.MediahubCommand;
import io.mediahub.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Runs the CLI as a user would ({@link Mediahub#execute}) on the test's own settings, capturing what it prints on
 * stdout and stderr. The CLI's settings source goes back to the environment after each call.
 */
public final class CliRunner {
    public final ByteArrayOutputStream out = new ByteArrayOutputStream();
    public final ByteArrayOutputStream err = new ByteArrayOutputStream();

    public int run(Supplier<Settings> settings, String... args) {
        MediahubCommand.useSettings(settings);
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        out.reset();
        err.reset();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Mediahub.execute(args);
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
            MediahubCommand.useSettings(Settings::load);
        }
    }

    public String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
