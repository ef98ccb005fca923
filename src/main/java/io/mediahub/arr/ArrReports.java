package io.mediahub.arr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports from the store only (no API): the analysis of a service's latest run, the CSV and JSON exports, the
 * analysis JSON, and the HTML dashboard — including the copy the container keeps at
 * {@code $MEDIAHUB_DATA_DIR/reports/arr-dashboard.html}, refreshed after every export.
 */
public class ArrReports {
    private static final Logger LOG = LoggerFactory.getLogger(ArrReports.class);
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private final Settings settings;
    private final ArrRepository repository;
    private final ObjectMapper json;
    private final Clock clock;

    public ArrReports(Settings settings, ArrRepository repository, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    /** The analysis of the service's default instance. */
    public Optional<ArrAnalysis> analyze(ArrService service, int threshold) throws SQLException {
        return analyze(ArrInstance.of(service), threshold);
    }

    /** The analysis of the instance's latest finished run; empty when it was never exported. */
    public Optional<ArrAnalysis> analyze(ArrInstance instance, int threshold) throws SQLException {
        Optional<ArrRepository.RunRow> run = repository.latestRun(instance);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        ArrRepository.RunRow r = run.get();
        Map<String, ArrFile> files = repository.files(r.id(), instance.service(), r.startedAt().replace('T', ' ').replace("Z", ""));
        Instant now = clock.instant();
        return Optional.of(ArrAnalysis.of(instance, r, files.values(), repository.profiles(r.id()),
                repository.changesSince(instance, now.minus(90, ChronoUnit.DAYS)), repository.finishedRuns(instance), threshold, now));
    }

    public int threshold() {
        return settings.getInt("arr.min-score");
    }

    /** Analyses of every configured instance that has a run. */
    public List<ArrAnalysis> analyzeAll(int threshold) throws SQLException {
        List<ArrAnalysis> out = new ArrayList<>();
        for (ArrInstance i : ArrInstance.all(settings)) {
            analyze(i, threshold).ifPresent(out::add);
        }
        return out;
    }

    /** After an export: the container's dashboard file, rewritten whole. A failure here is logged, not the export's. */
    public FlowResult refreshDashboard(FlowResult result) {
        Path file = dashboardFile();
        try {
            new ArrDashboard(json, settings.getInt("arr.dashboard-limit")).write(analyzeAll(threshold()), file);
            LOG.info("arr dashboard: {}", file);
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warn("arr dashboard {} not refreshed: {}", file, e.getMessage());
            result.count("dashboard_failed", 1);
        }
        return result;
    }

    public Path dashboardFile() {
        return settings.dataDir().resolve("reports").resolve("arr-dashboard.html");
    }

    public void writeHtml(List<ArrAnalysis> analyses, Path file, int limit) throws IOException {
        new ArrDashboard(json, limit).write(analyses, file);
    }

    /** {@code <service>_scores_<YYYYMMDD_HHMMSS>.csv} ({@code radarr-4k_scores_…} for a named instance) in {@code dir}. */
    public Path writeCsv(ArrAnalysis a, Path dir) throws IOException {
        Path file = dir.resolve(a.instance().id() + "_scores_" + STAMP.format(Instant.parse(a.run().startedAt())) + ".csv");
        ArrCsvWriter.write(a.service(), a.files(), file);
        return file;
    }

    /** {@code <service>_scores_<YYYYMMDD_HHMMSS>.json} ({@code radarr-4k_scores_…} for a named instance) in {@code dir}. */
    public Path writeJson(ArrAnalysis a, Path dir) throws IOException {
        Path file = dir.resolve(a.instance().id() + "_scores_" + STAMP.format(Instant.parse(a.run().startedAt())) + ".json");
        ArrJsonWriter.write(a.service(), a.files(), clock.instant().truncatedTo(ChronoUnit.SECONDS), file, json);
        return file;
    }

    /** The analyze command's JSON: {@code {generated_at, health_report{…}, upgrade_candidates[…]}}. */
    public ObjectNode analysisJson(ArrAnalysis a, int limit) {
        ObjectNode root = json.createObjectNode();
        root.put("generated_at", a.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("service_type", a.service().id());
        ObjectNode h = root.putObject("health_report");
        LibraryStatistics s = a.statistics();
        h.put("health_score", Math.round(a.health().score() * 10) / 10.0).put("grade", a.health().grade())
                .put("average_score_factor", round(a.health().averageFactor())).put("positive_files_factor", round(a.health().positiveFactor()))
                .put("candidate_factor", round(a.health().candidateFactor()));
        a.health().achievements().forEach(h.putArray("achievements")::add);
        a.health().warnings().forEach(h.putArray("warnings")::add);
        ObjectNode st = h.putObject("statistics");
        st.put("total_files", s.total()).put("positive", s.positive()).put("zero", s.zero()).put("negative", s.negative())
                .put("min_score", s.minScore()).put("max_score", s.maxScore()).put("mean_score", round(s.meanScore()))
                .put("median_score", s.medianScore()).put("total_size_gb", round2(s.totalSizeGb())).put("mean_size_gb", round2(s.meanSizeGb()))
                .put("total_size", LibraryStatistics.formatSize(s.totalSizeBytes()));
        st.set("by_profile", json.valueToTree(s.byProfile()));
        st.set("by_resolution", json.valueToTree(s.byResolution()));
        st.set("by_codec", json.valueToTree(s.byCodec()));
        ObjectNode cat = h.putObject("categories");
        a.categories().forEach((k, v) -> cat.put(k, v.size()));
        ObjectNode tr = h.putObject("trends");
        tr.put("improvements", a.trends().improvements()).put("degradations", a.trends().degradations())
                .put("improvement_velocity", a.trends().improvementVelocity()).put("degradation_velocity", a.trends().degradationVelocity())
                .put("net_change_30_days", a.trends().netChange30Days());
        a.trends().patterns().forEach(tr.putArray("patterns")::add);
        ArrayNode fm = h.putArray("top_formats");
        a.formats().formats().stream().limit(15).forEach(f -> fm.addObject().put("name", f.name()).put("files_matched", f.filesMatched())
                .put("total_contribution", f.totalContribution()).put("mean_score_of_carriers", round(f.meanScoreOfCarriers())).put("impact", f.impact()));
        ArrayNode pr = h.putArray("profiles");
        a.profiles().forEach(p -> pr.addObject().put("name", p.name()).put("files", p.files()).put("mean_score", round(p.meanScore()))
                .put("excellent", p.excellent()).put("good", p.good()).put("average", p.average()).put("poor", p.poor()).put("terrible", p.terrible())
                .put("rating", p.rating()).put("health_score", a.healthByProfile().containsKey(p.name()) ? round(a.healthByProfile().get(p.name()).score()) : 0)
                .put("health_grade", a.healthByProfile().containsKey(p.name()) ? a.healthByProfile().get(p.name()).grade() : null)
                .set("issues", json.valueToTree(p.issues())));
        ArrayNode cands = root.putArray("upgrade_candidates");
        a.candidates().stream().limit(limit).forEach(c -> {
            ObjectNode o = cands.addObject();
            o.put("priority", c.priority()).put("title", c.file().displayTitle()).put("file", c.file().path()).put("current_score", c.file().totalScore())
                    .put("potential_gain", c.potentialGain()).put("quality_profile", c.file().profileName()).put("quality", c.file().quality())
                    .put("service_would_upgrade", c.serviceWouldUpgrade()).put("reason", String.join("; ", c.reasons()));
            c.reasons().forEach(o.putArray("reasons")::add);
            c.missingFormats().forEach(m -> o.withArray("missing_formats").addObject().put("name", m.name()).put("score", m.score()));
        });
        return root;
    }

    public void writeAnalysisJson(ArrAnalysis a, int limit, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".arr-", ".json.tmp");
        try {
            json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), analysisJson(a, limit));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    private static double round2(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
