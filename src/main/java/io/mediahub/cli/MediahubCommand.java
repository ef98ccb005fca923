package io.mediahub.cli;

import io.mediahub.app.MediahubApplication;
import io.mediahub.config.Settings;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/mediahub.jar} with no verb: the long-running container. */
@Command(name = "mediahub", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Mediahub keeps a home-media setup's data in one place.",
                "With no command it runs as a container: every enabled flow on its schedule, health and metrics on HTTP."},
        subcommands = {RunCommand.class, FlowsCommand.class, BackupCommand.class, SimilarCommand.class, RecommendCommand.class,
                ExportCommand.class, ArrCommand.class, ParseNameCommand.class, IdentifyCommand.class, JobsCommand.class, DownloadCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Settings come from config/application.properties defaults, a .env file and the environment; "
                + "see config/mediahub.env.example and docs/configuration.md. Every value is checked at start: one a setting "
                + "cannot use stops Mediahub with one line naming the variable (exit 2)."})
public class MediahubCommand implements Callable<Integer> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MediahubCommand.class);

    /** Where the settings come from: the real environment, or (in tests) the test's own map. */
    private static volatile java.util.function.Supplier<Settings> source = Settings::load;

    /**
     * Where every verb gets its settings, checked as the process starts and before any flow runs: a variable that
     * looks like a setting but is none is warned about (with the closest setting), and a value a setting cannot use
     * stops the verb with one line naming the variable and what it accepts (exit 2).
     */
    static final java.util.function.Supplier<Settings> settingsSource = () -> warnAboutUnknownVariables(source.get()).validate();

    /** The settings unchecked, for {@code flows}, which shows a misconfigured flow instead of stopping. */
    static Settings uncheckedSettings() {
        return warnAboutUnknownVariables(source.get());
    }

    /** For tests: run the CLI on these settings instead of the process environment. */
    public static void useSettings(java.util.function.Supplier<Settings> settings) {
        source = settings;
    }

    private static Settings warnAboutUnknownVariables(Settings settings) {
        List<String> patterns = new java.util.ArrayList<>();
        MediahubApplication.modules().forEach(m -> patterns.addAll(m.variablePatterns()));
        settings.unknownVariables(patterns).forEach(LOG::warn);
        return settings;
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
