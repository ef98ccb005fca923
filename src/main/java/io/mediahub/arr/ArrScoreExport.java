package io.mediahub.arr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.common.HttpSettings;
import io.mediahub.common.ServiceException;
import io.mediahub.config.Settings;
import io.mediahub.flow.FlowRequest;
import io.mediahub.flow.FlowResult;
import io.mediahub.flow.FlowRunner;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared steps of {@code radarr-export-scores} and {@code sonarr-export-scores} (the route template calls them by
 * name): {@link #begin} checks the service and reads its profiles, the service's {@link ArrLister} lists the files,
 * {@link #record} stores the run, its files and what changed since the previous run, in one transaction.
 */
public class ArrScoreExport {
    private static final Logger LOG = LoggerFactory.getLogger(ArrScoreExport.class);
    private final Settings settings;
    private final ArrRepository repository;
    private final ObjectMapper json;
    private final Clock clock;

    public ArrScoreExport(Settings settings, ArrRepository repository, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    /** A client for the service, with this export's rate limit and (unless {@code noCache}) the response cache. */
    public ArrClient client(ArrInstance instance, boolean noCache) {
        ResponseCache cache = noCache || !settings.getBoolean("arr.cache-enabled") || settings.getDouble("arr.cache-ttl") <= 0 ? null
                : new ResponseCache(settings.dataDir().resolve("cache").resolve("arr"),
                Duration.ofSeconds(Math.round(settings.getDouble("arr.cache-ttl") * 60)), clock);
        return new ArrClient(instance, settings.get(instance.urlKey()), settings.get(instance.apiKeyKey()),
                HttpSettings.from(settings).withReadTimeout(settings.getDuration("arr.read-timeout")),
                TokenBucket.perSecond(settings.getDouble("arr.rate-limit")), cache, json);
    }

    /** {@code system/status} (fail fast on a wrong URL or key), the run row, then the quality profiles. */
    public ArrExport begin(FlowRequest request, String instanceId) throws SQLException {
        ArrInstance instance = ArrInstance.of(instanceId, settings);
        ArrClient client = client(instance, request.option("no-cache"));
        String startedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        long runId = repository.startRun(instance, client.baseUrl(), startedAt);
        try {
            JsonNode status = checkedStatus(client);
            Map<Integer, QualityProfile> profiles = ArrFileMapper.profiles(client.get("/api/v3/qualityprofile", Map.of()));
            JsonNode formats = client.get("/api/v3/customformat", Map.of());
            ArrExport export = new ArrExport(request, instance, client, runId, startedAt, status.path("version").asText(), profiles);
            export.problems.counts.put("custom_formats", (long) formats.size());
            LOG.info("{}: {} {} at {}, {} quality profiles, {} custom formats", instance.flowId(), instance.displayName(),
                    status.path("version").asText(), client.baseUrl(), profiles.size(), formats.size());
            return export;
        } catch (RuntimeException e) {
            repository.failRun(runId, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), FlowRunner.oneLine(e));
            throw e;
        }
    }

    /** The status answer, checked to come from the service the setting names. */
    public static JsonNode checkedStatus(ArrClient client) {
        JsonNode status = client.status();
        String app = status.path("appName").asText("");
        ArrService service = client.service();
        String variable = client.instance().urlVariable();
        if (!app.isEmpty() && !app.equalsIgnoreCase(service.displayName())) {
            throw new ServiceException(client.instance().displayName(), variable + " (" + client.baseUrl() + ") is " + app + ", not "
                    + service.displayName() + " — check " + variable);
        }
        return status;
    }

    /** Marks the run failed when listing or recording fails; the failure then travels on to the flow runner. */
    public void failed(ArrExport export, Exception cause) throws SQLException {
        repository.failRun(export.runId, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), FlowRunner.oneLine(cause));
    }

    /** Why the run is partial, naming up to five series that could not be listed; null when every series was. */
    static String partialReason(ArrExport export) {
        if (export.failedItems.isEmpty()) {
            return null;
        }
        List<String> titles = export.failedItems.stream().map(id -> export.failedTitles.getOrDefault(id, "series " + id)).sorted().toList();
        String named = String.join(", ", titles.subList(0, Math.min(5, titles.size()))) + (titles.size() > 5 ? ", …" : "");
        return titles.size() + " series could not be listed (" + named + "); their files from the previous run were kept";
    }

    /** Stores the run: profiles, files, changes since the previous run, summary; prunes runs beyond the retention. */
    public FlowResult record(ArrExport export) throws SQLException {
        export.request.checkNotStopping();
        ArrService service = export.service;
        ArrInstance instance = export.instance;
        Map<String, ArrFile> previous = repository.latestRun(instance).map(r -> {
            try {
                return repository.files(r.id(), service, null);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).orElse(Map.of());
        String recordedAt = export.startedAt.replace('T', ' ').replace("Z", "");
        int carried = 0;
        for (ArrFile p : previous.values()) {
            if (export.failedItems.contains(p.itemId()) && !export.files.containsKey(p.itemKey())) {
                export.files.put(p.itemKey(), p.withRecordedAt(recordedAt));
                carried++;
            }
        }
        Map<String, ArrFile> current = new LinkedHashMap<>();
        export.files.values().stream().sorted(Comparator.comparing((ArrFile f) -> String.valueOf(f.title())).thenComparing(f -> String.valueOf(f.episode())))
                .forEach(f -> current.put(f.itemKey(), f));
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        List<ScoreChange> changes = ScoreChangeDetector.detect(previous, current, now);

        Instant nowInstant = clock.instant();
        List<ScoreChange> recent = new java.util.ArrayList<>(repository.changesSince(instance, nowInstant.minus(90, ChronoUnit.DAYS)));
        recent.addAll(changes);
        ArrAnalysis analysis = ArrAnalysis.of(instance, null, current.values(), export.profiles, recent, List.of(), settings.getInt("arr.min-score"),
                nowInstant);
        long belowCutoff = current.values().stream().filter(f -> Boolean.FALSE.equals(f.meetsCutoffScore())).count();
        String status = export.failedItems.isEmpty() ? "ok" : "partial";
        ArrRepository.RunRow row = new ArrRepository.RunRow(export.runId, service, export.client.baseUrl(), export.version, export.startedAt, now,
                status, current.size(), export.itemsWithoutFile.get(), belowCutoff, export.problems.get("unknown_profiles"),
                export.failedItems.size(), changes.size(), analysis.health().score(), analysis.health().grade(),
                analysis.statistics().meanScore(),
                partialReason(export), instance.name());
        Instant keepAfter = nowInstant.minus(Math.max(0, settings.getInt("arr.retention-days")), ChronoUnit.DAYS);
        int pruned = repository.store().inTransaction(c -> {
            repository.insertProfiles(c, export.runId, export.profiles.values());
            repository.insertFiles(c, export.runId, current.values());
            repository.insertChanges(c, export.runId, service, changes);
            repository.finishRun(c, row);
            return repository.pruneRuns(c, instance, keepAfter, export.runId);
        });

        FlowResult result = new FlowResult().read(export.itemsListed.get()).written(current.size());
        result.count("files", current.size()).count("missing", export.itemsWithoutFile.get()).count("below_cutoff", belowCutoff)
                .count("candidates", analysis.candidates().size());
        for (String type : List.of(ScoreChange.NEW_FILE, ScoreChange.IMPROVED, ScoreChange.DEGRADED, ScoreChange.REMOVED)) {
            result.count(type, changes.stream().filter(ch -> ch.type().equals(type)).count());
        }
        export.problems.counts.forEach(result::count);
        export.files.clear(); // written: the dashboard refresh that follows reads them back from the store
        if (!export.failedItems.isEmpty()) {
            result.count("series_failed", export.failedItems.size()).count("files_carried_over", carried).skipped(export.failedItems.size())
                    .partial(row.error());
        }
        result.count("requests", export.client.requests()).count("runs_pruned", pruned);
        LOG.info("{}: run {} {}: {} files, {} missing, {} below cutoff, health {} ({}), {} changes{}", instance.flowId(), export.runId, status,
                current.size(), export.itemsWithoutFile.get(), belowCutoff, String.format(java.util.Locale.ROOT, "%.1f", analysis.health().score()),
                analysis.health().grade(), changes.size(), export.failedItems.isEmpty() ? "" : ", " + export.failedItems.size() + " series failed");
        return result;
    }
}
