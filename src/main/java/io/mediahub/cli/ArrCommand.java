package io.mediahub.cli;

import io.mediahub.app.MediahubApplication;
import io.mediahub.arr.ArrAnalysis;
import io.mediahub.arr.ArrInstance;
import io.mediahub.arr.ArrReports;
import io.mediahub.arr.ArrScoreExport;
import io.mediahub.arr.UpgradeCandidate;
import io.mediahub.config.Settings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arr}: Radarr/Sonarr custom-format scores — validate, export, analyze, report. */
@Command(name = "arr", mixinStandardHelpOptions = true,
        description = {"Radarr/Sonarr custom-format scores: check the connection, export, analyse and report.",
                "The verbs analyze and report read the store only; export asks the services (as the flows radarr-export-scores and "
                        + "sonarr-export-scores do)."},
        subcommands = {ArrCommand.Validate.class, ArrCommand.Export.class, ArrCommand.Analyze.class, ArrCommand.Report.class})
public class ArrCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("Say what to do: arr validate | arr export | arr analyze --service S | arr report --service S (see arr --help)");
        return 2;
    }

    /** {@code all}: every instance (each service's default one and the named ones); else the one named ({@code radarr-4k}). */
    static List<ArrInstance> services(String which, Settings settings) {
        return "all".equalsIgnoreCase(which.trim()) ? ArrInstance.all(settings) : List.of(ArrInstance.of(which, settings));
    }

    /** The line for a store without an export of {@code wanted}: which service, and the command that fills it. */
    static String noExport(List<ArrInstance> wanted) {
        String names = String.join(" or ", wanted.stream().map(ArrInstance::displayName).toList());
        String command = wanted.size() == 1 ? "mediahub export arr --service " + wanted.get(0).id() : "mediahub export arr";
        return "No " + names + " export in the store yet: run " + command;
    }

    /** {@code arr validate}: system/status of each configured service, with its version. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Ask each configured service (named instances included) for /api/v3/system/status and print its version; "
                    + "exit 1 if one fails, 2 if none is configured.")
    public static class Validate implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            Settings settings = MediahubCommand.settingsSource.get();
            int configured = 0;
            int failed = 0;
            try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.ONE_SHOT)) {
                ArrScoreExport export = app.bean("arrScoreExport", ArrScoreExport.class);
                org.apache.camel.ProducerTemplate calls = null;
                for (ArrInstance s : ArrInstance.all(settings)) {
                    if (settings.find(s.urlKey()).isEmpty() || settings.find(s.apiKeyKey()).isEmpty()) {
                        System.out.println(s.displayName() + ": not configured (set " + s.urlVariable() + " and " + s.apiKeyVariable() + ")");
                        continue;
                    }
                    configured++;
                    if (calls == null) {
                        app.start();
                        calls = app.camelContext().createProducerTemplate();
                    }
                    // the same checked status call as the export's first stage (route <instance>-check-status)
                    org.apache.camel.Exchange answer = calls.request("direct:" + s.id() + "-check-status", x -> { });
                    if (answer.getException() != null) {
                        failed++;
                        System.err.println(s.displayName() + ": " + io.mediahub.flow.FlowRunner.oneLine(answer.getException()));
                    } else {
                        var status = answer.getMessage().getBody(com.fasterxml.jackson.databind.JsonNode.class);
                        System.out.println(s.displayName() + " " + status.path("version").asText() + " at " + export.baseUrl(s) + ": ok");
                    }
                }
            }
            return configured == 0 ? 2 : failed > 0 ? 1 : 0;
        }
    }

    /** {@code arr export}: the same as {@code export arr}. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Same as 'export arr'.")
    public static class Export extends ExportArrCommand {
    }

    /** {@code arr analyze}: upgrade candidates and health from the store. */
    @Command(name = "analyze", mixinStandardHelpOptions = true,
            description = {"Print the upgrade candidates (priority, title, score, gain, reasons), the health score and grade, the top "
                    + "achievements and the warnings, from the store only (no API). An empty store: exit 1 (export first)."})
    public static class Analyze implements Callable<Integer> {
        @Option(names = "--service", required = true, description = "The service: radarr, sonarr, or a named instance such as radarr-4k (RADARR_4K_URL).")
        String service;

        @Option(names = "--min-score", description = "The score at or below which a file is a candidate (default ARR_MIN_SCORE, -50).")
        Integer minScore;

        @Option(names = "--limit", defaultValue = "20", description = "How many candidates are shown and written (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write {generated_at, health_report, upgrade_candidates} to FILE.")
        Path json;

        @Override
        public Integer call() throws Exception {
            Settings settings = MediahubCommand.settingsSource.get();
            ArrInstance s = ArrInstance.of(service, settings);
            try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.ONE_SHOT)) {
                ArrReports reports = app.bean("arrReports", ArrReports.class);
                Optional<ArrAnalysis> a = reports.analyze(s, minScore != null ? minScore : reports.threshold());
                if (a.isEmpty()) {
                    System.err.println(noExport(List.of(s)));
                    return 1;
                }
                print(a.get(), limit);
                if (json != null) {
                    reports.writeAnalysisJson(a.get(), limit, json);
                    System.out.println("JSON: " + json.toAbsolutePath());
                }
                return 0;
            }
        }
    }

    static void print(ArrAnalysis a, int limit) {
        System.out.printf(Locale.ROOT, "%s — run %d of %s: %d files, health %.1f (%s)%n", a.instance().displayName(), a.run().id(), a.run().startedAt(),
                a.statistics().total(), a.health().score(), a.health().grade());
        System.out.printf(Locale.ROOT, "%-8s  %-50s  %6s  %5s  %s%n", "PRIORITY", "TITLE", "SCORE", "GAIN", "REASON");
        for (UpgradeCandidate c : a.candidates().stream().limit(limit).toList()) {
            String title = c.file().displayTitle();
            System.out.printf(Locale.ROOT, "%-8s  %-50s  %6d  %5d  %s%n", c.priority(), title.length() > 50 ? title.substring(0, 49) + "…" : title,
                    c.file().totalScore(), c.potentialGain(), String.join("; ", c.reasons()));
        }
        System.out.println(a.candidates().size() + " candidate(s)" + (a.candidates().size() > limit ? ", " + limit + " shown" : ""));
        a.health().achievements().stream().limit(3).forEach(x -> System.out.println("  + " + x));
        a.health().warnings().stream().limit(3).forEach(x -> System.out.println("  ! " + x));
    }

    /** {@code arr report}: the HTML dashboard from the store. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Write the HTML dashboard from the store only (no API). An empty store: exit 1 (export first).")
    public static class Report implements Callable<Integer> {
        @Option(names = "--service", defaultValue = "all", description = "The service: radarr, sonarr, a named instance such as radarr-4k, or all (default ${DEFAULT-VALUE}).")
        String service;

        @Option(names = "--html", paramLabel = "FILE", description = "Where to write it (default reports/arr_health_report_<UTC time>.html).")
        Path html;

        @Option(names = "--limit", description = "The most rows in the candidate and zero-score tables (default ARR_DASHBOARD_LIMIT, 500).")
        Integer limit;

        @Override
        public Integer call() throws Exception {
            Settings settings = MediahubCommand.settingsSource.get();
            try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.ONE_SHOT)) {
                ArrReports reports = app.bean("arrReports", ArrReports.class);
                List<ArrAnalysis> analyses = new ArrayList<>();
                for (ArrInstance s : services(service, settings)) {
                    reports.analyze(s, reports.threshold()).ifPresent(analyses::add);
                }
                if (analyses.isEmpty()) {
                    System.err.println(noExport(services(service, settings)));
                    return 1;
                }
                Path file = html != null ? html : Path.of("reports", "arr_health_report_" + ExportArrCommand.stamp(Instant.now()) + ".html");
                reports.writeHtml(analyses, file, limit != null ? limit : settings.getInt("arr.dashboard-limit"));
                System.out.println("HTML: " + file.toAbsolutePath());
                return 0;
            }
        }
    }
}
