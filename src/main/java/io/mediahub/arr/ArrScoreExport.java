package io.mediahub.arr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The steps of {@code radarr-export-scores}, {@code sonarr-export-scores} and the named instances' exports, called by
 * name from their routes ({@link ArrRoutes}): {@link #begin} starts the run row, {@link #checkedStatus},
 * {@link #profiles} and {@link #formats} take the service's answers, {@link #movieSink} (Radarr) and {@link #series}
 * (Sonarr) map the files as they are listed ({@link ArrFileMapper}), {@link #record} stores the run, its files and what
 * changed since the previous run, in one transaction. No I/O to the services here: the routes make every call.
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

    /** The service's base URL as the settings give it, without a trailing slash. */
    public String baseUrl(ArrInstance instance) {
        return settings.get(instance.urlKey()).trim().replaceAll("/+$", "");
    }

    /** The response cache of an export: none when {@code noCache}, when it is switched off, or with a TTL of 0. */
    ResponseCache cache(boolean noCache) {
        return noCache || !settings.getBoolean("arr.cache-enabled") || settings.getDouble("arr.cache-ttl") <= 0 ? null
                : new ResponseCache(settings.dataDir().resolve("cache").resolve("arr"),
                Duration.ofSeconds(Math.round(settings.getDouble("arr.cache-ttl") * 60)), clock);
    }

    /** The run row; the body the export's stages share (exchange property {@code arrExport}). */
    public ArrExport begin(FlowRequest request, String instanceId) throws SQLException {
        ArrInstance instance = ArrInstance.of(instanceId, settings);
        String baseUrl = baseUrl(instance);
        String startedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        long runId = repository.startRun(instance, baseUrl, startedAt);
        return new ArrExport(request, instance, baseUrl, cache(request.option("no-cache")), runId, startedAt);
    }

    /**
     * {@code /api/v3/system/status}, checked: it has a version (else the URL is not a *Arr one) and comes from the
     * service the setting names (a Sonarr URL in {@code RADARR_URL} fails here).
     */
    public JsonNode checkedStatus(String instanceId, JsonNode status) {
        ArrInstance instance = ArrInstance.of(instanceId, settings);
        ArrService service = instance.service();
        String baseUrl = baseUrl(instance);
        if (status == null || !status.isObject() || !status.has("version")) {
            throw new ServiceException(instance.displayName(), instance.displayName() + " at " + baseUrl
                    + " answered /api/v3/system/status without a version — is " + instance.urlVariable() + " a " + service.displayName() + " URL?");
        }
        String app = status.path("appName").asText("");
        String variable = instance.urlVariable();
        if (!app.isEmpty() && !app.equalsIgnoreCase(service.displayName())) {
            throw new ServiceException(instance.displayName(), variable + " (" + baseUrl + ") is " + app + ", not "
                    + service.displayName() + " — check " + variable);
        }
        return status;
    }

    /** The checked status's version, for the run row. */
    public void status(ArrExport export, JsonNode status) {
        export.version = status.path("version").asText();
    }

    /** The paths whose answers the response cache keeps: they change when a user edits the service's settings, not its files. */
    public static final java.util.Set<String> CACHED_PATHS = java.util.Set.of("/api/v3/qualityprofile", "/api/v3/customformat");

    private static String cacheKey(ArrExport export, String path) {
        return export.instance.id() + " " + export.baseUrl + path;
    }

    /** The cached answer for {@code path}, when the export uses the cache and it holds a fresh one that parses; else null. */
    public JsonNode cached(ArrExport export, String path) {
        if (export.cache == null || !CACHED_PATHS.contains(path)) {
            return null;
        }
        return export.cache.read(cacheKey(export, path), json).orElse(null);
    }

    /** Keeps the service's answer for {@code path} in the cache (it parsed, or it would not be here); returns it. */
    public JsonNode keep(ArrExport export, String path, JsonNode answer) {
        if (export.cache != null && CACHED_PATHS.contains(path)) {
            export.cache.store(cacheKey(export, path), answer, json);
        }
        return answer;
    }

    /** {@code /api/v3/qualityprofile}: the profiles the files are scored by. */
    public void profiles(ArrExport export, JsonNode answer) {
        export.profiles(ArrFileMapper.profiles(answer));
    }

    /** {@code /api/v3/customformat}: counted for the run's result. */
    public void formats(ArrExport export, JsonNode answer) {
        export.problems.counts.put("custom_formats", (long) answer.size());
        LOG.info("{}: {} {} at {}, {} quality profiles, {} custom formats", export.instance.flowId(), export.instance.displayName(),
                export.version, export.baseUrl, export.profiles.size(), answer.size());
    }

    /** Radarr: what each movie of {@code /api/v3/movie} becomes as it streams in (its file, or one more without a file). */
    public java.util.function.Consumer<JsonNode> movieSink(ArrExport export) {
        return movie -> {
            export.itemsListed.incrementAndGet();
            export.mapper.movie(movie).ifPresentOrElse(export::add, export.itemsWithoutFile::incrementAndGet);
        };
    }

    /** Radarr: the movie list has been read. */
    public void moviesListed(ArrExport export, long movies) {
        LOG.info("{}: {} movies, {} with a file", export.instance.flowId(), movies, export.files.size());
    }

    /** Sonarr: the series of {@code /api/v3/series}, each listed on its own. */
    public java.util.List<JsonNode> seriesList(ArrExport export, JsonNode answer) {
        java.util.List<JsonNode> series = new java.util.ArrayList<>();
        answer.forEach(series::add);
        export.seriesTotal = series.size();
        export.itemsListed.addAndGet(series.size());
        return series;
    }

    /** Stops the listing when Mediahub is shutting down (the run is then interrupted; nothing is recorded). */
    public void checkNotStopping(ArrExport export) {
        export.request.checkNotStopping();
    }

    /** Sonarr: one series' episodes and episode files, mapped into the export. */
    public void series(ArrExport export, JsonNode series, JsonNode episodes, JsonNode episodeFiles) {
        ArrFileMapper.SeriesFiles listed = export.mapper.seriesFiles(series, episodes, episodeFiles);
        listed.files().forEach(export::add);
        export.itemsWithoutFile.addAndGet(listed.missing());
        seriesDone(export);
    }

    /**
     * Sonarr: a series whose files could not be listed is logged and counted, and its files of the previous run are
     * kept; the other series continue.
     */
    public void seriesFailed(ArrExport export, JsonNode series, Exception cause) {
        long id = series.path("id").asLong();
        export.failedItems.add(id);
        export.failedTitles.put(id, series.path("title").asText());
        LOG.warn("{}: the files of series {} '{}' could not be listed: {}", export.instance.flowId(), id, series.path("title").asText(),
                cause.getMessage());
        seriesDone(export);
    }

    /** A failure of one series only: not the service judged down ({@link ArrBreaker.Down}), not Mediahub stopping. */
    public static boolean isSeriesFailure(Exception cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ArrBreaker.Down || t instanceof io.mediahub.flow.FlowStoppedException) {
                return false;
            }
        }
        return true;
    }

    private static void seriesDone(ArrExport export) {
        int n = export.seriesDone.incrementAndGet();
        if (n % 50 == 0 || n == export.seriesTotal) {
            LOG.info("{}: series {} / {} done", export.instance.flowId(), n, export.seriesTotal);
        }
    }

    /** Marks the run failed when listing or recording fails; the failure then travels on to the flow runner. */
    public void failed(ArrExport export, Exception cause) throws SQLException {
        Throwable t = cause;
        while (t.getClass().getName().startsWith("org.apache.camel.") && t.getCause() != null) {
            t = t.getCause(); // a split's or a breaker's wrapper: the cause is the line
        }
        repository.failRun(export.runId, clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(), FlowRunner.oneLine(t));
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
        ArrRepository.RunRow row = new ArrRepository.RunRow(export.runId, service, export.baseUrl, export.version, export.startedAt, now,
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
        result.count("requests", export.requests.get()).count("runs_pruned", pruned);
        LOG.info("{}: run {} {}: {} files, {} missing, {} below cutoff, health {} ({}), {} changes{}", instance.flowId(), export.runId, status,
                current.size(), export.itemsWithoutFile.get(), belowCutoff, String.format(java.util.Locale.ROOT, "%.1f", analysis.health().score()),
                analysis.health().grade(), changes.size(), export.failedItems.isEmpty() ? "" : ", " + export.failedItems.size() + " series failed");
        return result;
    }
}
