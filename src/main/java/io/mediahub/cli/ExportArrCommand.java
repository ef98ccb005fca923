package io.mediahub.cli;

import io.mediahub.app.MediahubApplication;
import io.mediahub.arr.ArrAnalysis;
import io.mediahub.arr.ArrInstance;
import io.mediahub.arr.ArrReports;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowOutcome;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export arr}: export Radarr and/or Sonarr now, analyse, and write the outputs asked for. */
@Command(name = "arr", mixinStandardHelpOptions = true,
        description = {"Export Radarr and/or Sonarr files and scores into the store (as the flows radarr-export-scores and "
                + "sonarr-export-scores do), analyse them, write CSV/JSON/HTML where asked and print a summary. "
                + "A service without its URL and key is skipped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every export succeeded", "1:an export failed", "2:no service configured, or wrong usage", "3:an export is already running",
                "4:an export listed only part of its service (the reason is printed); what it listed is stored and written"})
public class ExportArrCommand implements Callable<Integer> {
    @Option(names = "--service", defaultValue = "all",
            description = "The service: radarr, sonarr, a named instance such as radarr-4k (RADARR_4K_URL), or all (default ${DEFAULT-VALUE}).")
    String service;

    @Option(names = "--csv", paramLabel = "DIR", description = "Write <service>_scores_<UTC time>.csv (radarr-4k_scores_… for a named instance) into DIR.")
    Path csv;

    @Option(names = "--json", paramLabel = "DIR", description = "Write <service>_scores_<UTC time>.json into DIR.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the dashboard to FILE (the container's copy is always refreshed).")
    Path html;

    @Option(names = "--no-cache", description = "Ask the services again instead of reusing answers younger than ARR_CACHE_TTL.")
    boolean noCache;

    static String stamp(Instant t) {
        return DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC).format(t);
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = MediahubCommand.settingsSource.get();
        List<ArrInstance> wanted = ArrCommand.services(service, settings);
        try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.ONE_SHOT)) {
            List<ArrInstance> configured = wanted.stream().filter(s -> app.catalog().missingSetting(s.flow()).isEmpty()).toList();
            if (configured.isEmpty()) {
                System.err.println("No service to export: set RADARR_URL and RADARR_API_KEY and/or SONARR_URL and SONARR_API_KEY.");
                return 2;
            }
            app.start();
            int exit = 0;
            boolean partial = false;
            ArrReports reports = app.bean("arrReports", ArrReports.class);
            List<ArrAnalysis> analyses = new ArrayList<>();
            for (ArrInstance s : configured) {
                FlowOutcome o = app.runner().run(s.flowId(), "cli", Map.of("no-cache", String.valueOf(noCache)));
                if (o.status() == FlowOutcome.Status.OK) {
                    System.out.println(s.flowId() + " ok in " + String.format(Locale.ROOT, "%.1f", o.durationMs() / 1000.0) + " s: " + o.result());
                } else if (o.status() == FlowOutcome.Status.PARTIAL) {
                    System.out.println(s.flowId() + " partial in " + String.format(Locale.ROOT, "%.1f", o.durationMs() / 1000.0) + " s: " + o.error());
                    partial = true;
                } else {
                    System.err.println(o.error());
                    exit = Math.max(exit, o.status() == FlowOutcome.Status.SKIPPED ? 3 : 1);
                    continue;
                }
                Optional<ArrAnalysis> a = reports.analyze(s, reports.threshold());
                if (a.isEmpty()) {
                    continue;
                }
                analyses.add(a.get());
                if (csv != null) {
                    System.out.println("CSV: " + reports.writeCsv(a.get(), csv).toAbsolutePath());
                }
                if (json != null) {
                    System.out.println("JSON: " + reports.writeJson(a.get(), json).toAbsolutePath());
                }
            }
            if (html != null && !analyses.isEmpty()) {
                reports.writeHtml(analyses, html, settings.getInt("arr.dashboard-limit"));
                System.out.println("HTML: " + html.toAbsolutePath());
            }
            for (ArrAnalysis a : analyses) {
                System.out.printf(Locale.ROOT, "%s: %d files, %d missing, %d below cutoff, health %.1f (%s), %d upgrade candidate(s) (%d critical)%n",
                        a.instance().displayName(), a.statistics().total(), a.run().itemsWithoutFile(), a.run().belowCutoff(), a.health().score(),
                        a.health().grade(), a.candidates().size(), a.candidatesByPriority("CRITICAL"));
            }
            return exit != 0 ? exit : partial ? 4 : 0;
        }
    }
}
