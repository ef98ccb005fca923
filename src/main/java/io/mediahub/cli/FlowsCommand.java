package io.mediahub.cli;

import io.mediahub.app.MediahubApplication;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowCatalog;
import io.mediahub.flow.FlowDefinition;
import io.mediahub.flow.FlowRun;
import io.mediahub.flow.FlowRunRepository;
import io.mediahub.store.Store;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code flows}: every flow, whether it can run, its schedule and its last run. */
@Command(name = "flows", mixinStandardHelpOptions = true,
        description = "List every flow: enabled or not (and which variable is missing), its schedule, its last run, outcome, duration, "
                + "the instance that ran it and row counts.")
public class FlowsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Override
    public Integer call() {
        Settings settings = MediahubCommand.settingsSource.get();
        try (Store store = Store.open(settings)) {
            print(settings, store, System.out);
        }
        return 0;
    }

    static void print(Settings settings, Store store, PrintStream out) {
        FlowCatalog catalog = MediahubApplication.catalog(settings, store);
        FlowRunRepository runs = new FlowRunRepository(store, new com.fasterxml.jackson.databind.ObjectMapper());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"FLOW", "ENABLED", "SCHEDULE", "LAST RUN", "OUTCOME", "DURATION", "INSTANCE", "ROWS (read/written/deleted/skipped)"});
        for (FlowDefinition d : catalog.all()) {
            String enabled;
            Optional<String> missing = catalog.missingSetting(d);
            if (missing.isPresent()) {
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
                    last.map(r -> TIME.format(r.startedAt())).orElse("never"),
                    last.map(r -> r.status() + (r.errorText() == null ? "" : ": " + r.errorText().replaceFirst("^" + d.id() + " failed: ", ""))).orElse("-"),
                    last.map(r -> r.durationMs() == null ? "-" : String.format("%.1f s", r.durationMs() / 1000.0)).orElse("-"),
                    last.map(r -> r.instance() == null ? "-" : r.instance()).orElse("-"),
                    last.map(r -> r.read() + "/" + r.written() + "/" + r.deleted() + "/" + r.skipped()).orElse("-")});
        }
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length - 1; i++) {
                if (i != 4) {
                    w[i] = Math.max(w[i], r[i].length());
                }
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String cell = i == 4 && r[i].length() > 60 ? r[i].substring(0, 59) + "…" : r[i];
                sb.append(i == r.length - 1 ? cell : String.format("%-" + Math.max(w[i], i == 4 ? 12 : 1) + "s  ", cell));
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
