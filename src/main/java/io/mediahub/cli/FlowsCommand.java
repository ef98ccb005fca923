package io.mediahub.cli;

import io.mediahub.app.MediahubApplication;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowCatalog;
import io.mediahub.flow.FlowDefinition;
import io.mediahub.flow.FlowRun;
import io.mediahub.flow.FlowRunRepository;
import io.mediahub.store.Store;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code flows}: every flow, whether it can run, its schedule and its last run. */
@Command(name = "flows", mixinStandardHelpOptions = true,
        description = {"List every flow: whether it is enabled (and if not, which variable is missing or misconfigured), its schedule, "
                + "and its last run with its outcome, duration, the instance that ran it and row counts.",
                "Times carry their zone. A setting Mediahub cannot use is listed after the table instead of stopping the command."})
public class FlowsCommand implements Callable<Integer> {
    /** The widest an ENABLED or OUTCOME cell is printed; the full text stays in flow_runs (and after the table). */
    static final int MAX_CELL = 64;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public Integer call() {
        // Unchecked: a misconfigured flow is shown, not a reason to stop (the container and `run` do stop on it).
        Settings settings = MediahubCommand.uncheckedSettings();
        try (Store store = Store.open(settings)) {
            print(settings, store, System.out);
        }
        settings.problems().forEach(p -> System.err.println("mediahub: " + p + " (Mediahub does not start until it is fixed)"));
        return 0;
    }

    static void print(Settings settings, Store store, PrintStream out) {
        FlowCatalog catalog = MediahubApplication.catalog(settings, store);
        FlowRunRepository runs = new FlowRunRepository(store, new com.fasterxml.jackson.databind.ObjectMapper());
        ZoneId zone = displayZone(settings);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"FLOW", "ENABLED", "SCHEDULE", "LAST RUN", "OUTCOME", "DURATION", "INSTANCE", "ROWS (read/written/deleted/skipped)"});
        for (FlowDefinition d : catalog.all()) {
            String enabled;
            Optional<String> missing = catalog.missingSetting(d);
            Optional<String> misconfigured = catalog.misconfiguration(d);
            if (misconfigured.isPresent()) {
                enabled = "misconfigured: " + misconfigured.get();
            } else if (missing.isPresent()) {
                enabled = "no (" + Settings.envName(missing.get()) + " is not set)";
            } else if (catalog.unavailableReason(d).isPresent()) {
                enabled = "no (" + catalog.unavailableReason(d).get() + ")";
            } else if (!catalog.enabled(d)) {
                enabled = "no (" + Settings.envName(FlowCatalog.enabledKey(d)) + "=false)";
            } else {
                enabled = "yes";
            }
            String schedule = catalog.schedule(d).orElse("-");
            Optional<FlowRun> last = runs.last(d.id());
            rows.add(new String[] {d.id(), enabled, schedule,
                    last.map(r -> time(r.startedAt(), zone)).orElse("never"),
                    last.map(r -> r.status() + (r.errorText() == null ? "" : ": " + r.errorText().replaceFirst("^" + d.id() + " failed: ", ""))).orElse("-"),
                    last.map(r -> r.durationMs() == null ? "-" : String.format("%.1f s", r.durationMs() / 1000.0)).orElse("-"),
                    last.map(r -> r.instance() == null ? "-" : r.instance()).orElse("-"),
                    last.map(r -> r.read() + "/" + r.written() + "/" + r.deleted() + "/" + r.skipped()).orElse("-")});
        }
        TextTable.print(rows, MAX_CELL, out);
    }

    /** The zone times are shown in: the schedules' zone (MEDIAHUB_SCHEDULE_TIMEZONE) when it is set and valid, else the machine's. */
    static ZoneId displayZone(Settings settings) {
        if (settings.problem("mediahub.schedule-timezone").isEmpty()) {
            Optional<String> z = settings.find("mediahub.schedule-timezone");
            if (z.isPresent()) {
                return ZoneId.of(z.get());
            }
        }
        return ZoneId.systemDefault();
    }

    /** {@code 2026-12-02 03:10:04 UTC}, or with the offset: {@code 2026-12-02 04:10:04 +01:00}. */
    static String time(Instant at, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone);
        ZoneOffset offset = t.getOffset();
        return TIME.format(t) + " " + (offset.getTotalSeconds() == 0 ? "UTC" : offset.getId());
    }
}
