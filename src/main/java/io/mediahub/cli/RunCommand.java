package io.mediahub.cli;

import io.mediahub.app.MediahubApplication;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run FLOW}: one flow, once, synchronously. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one flow once and exit: 0 when it succeeded, 1 when it failed (with one line saying why), 2 when a "
                + "setting it needs is missing or wrong, 3 when it was already running elsewhere, 4 when it did only part of its "
                + "work (with the reason). 'flows' lists the flows."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the flow succeeded", "1:the flow failed or was interrupted", "2:wrong usage or configuration",
                "3:the flow is already running", "4:the flow ran but did only part of its work (the reason is printed)"})
public class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FLOW", description = "The flow id, for example emby-sync-library.")
    String flow;

    @Option(names = "--full", description = "Re-read everything instead of only what is new (flows that read incrementally).")
    boolean full;

    @Option(names = "--force-prune", description = "For emby-sync-library: prune even when more than EMBY_PRUNE_MAX_FRACTION of the library is gone.")
    boolean forcePrune;

    @Override
    public Integer call() throws Exception {
        Settings settings = MediahubCommand.settingsSource.get();
        try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.ONE_SHOT)) {
            if (app.catalog().find(flow).isEmpty()) {
                System.err.println("No flow called '" + flow + "'. Flows: " + String.join(", ", app.catalog().ids()));
                return 2;
            }
            app.routesOnFirstUse().start();
            Map<String, String> options = new LinkedHashMap<>();
            options.put("full", String.valueOf(full));
            options.put("force-prune", String.valueOf(forcePrune));
            FlowOutcome outcome = app.runner().run(flow, "cli", options);
            switch (outcome.status()) {
                case OK -> {
                    System.out.println(flow + " ok in " + String.format("%.1f", outcome.durationMs() / 1000.0) + " s: " + outcome.result());
                    if (outcome.error() != null) {
                        System.err.println(outcome.error());
                    }
                    return 0;
                }
                case PARTIAL -> {
                    System.out.println(flow + " partial in " + String.format(java.util.Locale.ROOT, "%.1f", outcome.durationMs() / 1000.0) + " s: " + outcome.error());
                    return 4;
                }
                case SKIPPED -> {
                    System.err.println(outcome.error());
                    return 3;
                }
                default -> {
                    System.err.println(outcome.error());
                    // A required setting without a value is configuration (2), not a failed run (1); the run is recorded.
                    return app.catalog().find(flow).flatMap(app.catalog()::missingSetting).isPresent() ? 2 : 1;
                }
            }
        }
    }
}
