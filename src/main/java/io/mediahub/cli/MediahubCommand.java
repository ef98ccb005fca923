package io.mediahub.cli;

import io.mediahub.app.MediahubApplication;
import io.mediahub.config.Settings;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/mediahub.jar} with no verb: the long-running container. */
@Command(name = "mediahub", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Mediahub keeps a home-media setup's data in one place.",
                "With no command it runs as a container: every enabled flow on its schedule, health and metrics on HTTP."},
        subcommands = {RunCommand.class, FlowsCommand.class, BackupCommand.class, SimilarCommand.class, RecommendCommand.class,
                ExportCommand.class, ArrCommand.class, ParseNameCommand.class, IdentifyCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Settings come from config/application.properties defaults, a .env file and the environment;",
                "see config/mediahub.env.example and docs/configuration.md."})
public class MediahubCommand implements Callable<Integer> {

    /** Where every verb gets its settings: the real environment, or (in tests) the test's own map. */
    static volatile java.util.function.Supplier<Settings> settingsSource = Settings::load;

    /** For tests: run the CLI on these settings instead of the process environment. */
    public static void useSettings(java.util.function.Supplier<Settings> source) {
        settingsSource = source;
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = settingsSource.get();
        try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.CONTAINER)) {
            app.runUntilStopped();
        }
        return 0;
    }
}
