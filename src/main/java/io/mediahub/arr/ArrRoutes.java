package io.mediahub.arr;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * The Radarr and Sonarr exports as routes: route templates written once, instantiated per instance (the default ones,
 * {@code radarr} and {@code sonarr}, and each named one, {@code RADARR_4K_URL}: {@code radarr-4k}). For an instance
 * {@code <id>}:
 * <pre>
 * &lt;id&gt;-export-scores  (the flow: direct:&lt;id&gt;-export-scores, started by the flow runner; mediahub-error-policy)
 *   arrScoreExport.begin (the arr_runs row) → &lt;id&gt;-breaker.reset (a new run asks the service anew)
 *   try:  direct:&lt;id&gt;-check-status   GET /api/v3/system/status, checked (the right service, a version)
 *         direct:&lt;id&gt;-read-profiles  GET /api/v3/qualityprofile, /api/v3/customformat (each from the response cache
 *                                     when it holds a fresh answer that parses; a fresh answer is kept)
 *         direct:&lt;id&gt;-list-files     Radarr: GET /api/v3/movie, one unpaged array parsed as it streams, each movie
 *                                     mapped (ArrFileMapper.movie) as it arrives;
 *                                     Sonarr: GET /api/v3/series, then split (parallel, ARR_WORKERS threads) →
 *                                     direct:&lt;id&gt;-list-series: GET /api/v3/episode and /api/v3/episodefile of the
 *                                     series, mapped (ArrFileMapper.seriesFiles); a series that fails is counted and
 *                                     the run becomes partial, the others go on
 *         arrScoreExport.record       files, changes, summary: one store transaction (arr_runs, arr_files,
 *                                     arr_profiles, arr_score_changes)
 *   catch: arrScoreExport.failed      (the run row marked failed), then the failure goes back to the flow runner
 *   arrReports.refreshDashboard       the HTML dashboard
 * &lt;id&gt;-call-api  (every request to the instance; mediahub-error-policy, so its failure reaches the caller's step)
 *   removeHeaders → path/query from the variables httpPath/httpQuery → &lt;id&gt;-api (X-Api-Key from the settings)
 *   → throttle (ARR_RATE_LIMIT a second) → circuitBreaker( arrCallGuard → to: the instance's URL → arrAnswerReader )
 * </pre>
 * The stage routes (check-status, read-profiles, list-files, list-series) use {@code mediahub-http-policy}: each
 * {@code to: direct:<id>-call-api} is the step Camel redelivers on 429, 5xx and I/O errors, so every attempt, retries
 * included, passes the throttle and the breaker again. They are routes of their own because the flow's {@code doTry}
 * (which marks the run failed) switches the error handler off for the steps inside it; a route called from there keeps
 * its own. The answer is read inside the breaker ({@link ArrAnswerReader}): Camel releases the response when the
 * breaker's step ends, and a body that broke off is a failed call.
 */
public class ArrRoutes extends RouteBuilder {
    public static final String TEMPLATE = "arr-export-scores";
    public static final String CALL_TEMPLATE = "arr-call-api";
    public static final String STATUS_TEMPLATE = "arr-check-status";
    public static final String PROFILES_TEMPLATE = "arr-read-profiles";
    public static final String RADARR_FILES_TEMPLATE = "radarr-list-files";
    public static final String SONARR_FILES_TEMPLATE = "sonarr-list-files";
    public static final String SONARR_SERIES_TEMPLATE = "sonarr-list-series";
    /** The thread pool profile of Sonarr's series split: ARR_WORKERS threads, a new pool per instance's route. */
    public static final String WORKERS = "arr-workers";
    static final String FLOW_POLICY = "mediahub-error-policy";
    static final String HTTP_POLICY = "mediahub-http-policy";
    static final String EXPORT = "${exchangeProperty." + ArrCallGuard.EXPORT + "}";

    /** One configured instance: its id, base URL and answer time-out. */
    public record Target(ArrInstance instance, String baseUrl, long readTimeoutMillis) {
    }

    /** {@code ARR_RATE_LIMIT} as a throttle: {@code requests} per {@code periodMillis}; none when the limit is 0. */
    public record Rate(long requests, long periodMillis) {
        /** 10 → 10 per 1000 ms; 2.5 → 2 per 800 ms; 0.5 → 1 per 2000 ms; 0 or less: no limit (null). */
        public static Rate perSecond(double rate) {
            if (!(rate > 0)) {
                return null;
            }
            long requests = Math.max(1, (long) Math.floor(rate));
            return new Rate(requests, Math.max(1, Math.round(1000 * requests / rate)));
        }
    }

    private final List<ArrInstance> instances;
    private final List<Target> targets;
    private final Rate rate;
    private final int workers;

    /**
     * @param instances every instance (each gets its flow route)
     * @param targets   the configured ones (a base URL set): they get the routes that call the service
     */
    public ArrRoutes(List<ArrInstance> instances, List<Target> targets, double ratePerSecond, int workers) {
        this.instances = List.copyOf(instances);
        this.targets = List.copyOf(targets);
        this.rate = Rate.perSecond(ratePerSecond);
        this.workers = Math.max(1, workers);
    }

    @Override
    public void configure() {
        getContext().getExecutorServiceManager().registerThreadPoolProfile(new ThreadPoolProfileBuilder(WORKERS)
                .poolSize(workers).maxPoolSize(workers).maxQueueSize(-1).build());
        exportTemplate();
        callTemplate();
        statusTemplate();
        profilesTemplate();
        radarrFilesTemplate();
        sonarrFilesTemplates();

        for (ArrInstance i : instances) {
            templatedRoute(TEMPLATE).routeId(i.flowId()).parameter("flowId", i.flowId()).parameter("id", i.id());
        }
        for (Target t : targets) {
            String id = t.instance().id();
            templatedRoute(CALL_TEMPLATE).routeId(id + "-call-api").parameter("id", id).parameter("url", t.baseUrl())
                    .parameter("readTimeout", String.valueOf(t.readTimeoutMillis()));
            templatedRoute(STATUS_TEMPLATE).routeId(id + "-check-status").parameter("id", id);
            templatedRoute(PROFILES_TEMPLATE).routeId(id + "-read-profiles").parameter("id", id);
            if (t.instance().service() == ArrService.RADARR) {
                templatedRoute(RADARR_FILES_TEMPLATE).routeId(id + "-list-files").parameter("id", id);
            } else {
                templatedRoute(SONARR_FILES_TEMPLATE).routeId(id + "-list-files").parameter("id", id);
                templatedRoute(SONARR_SERIES_TEMPLATE).routeId(id + "-list-series").parameter("id", id);
            }
        }
    }

    /** The flow: the run row, the stages, the recording transaction, the dashboard; a failure marks the run failed. */
    private void exportTemplate() {
        routeTemplate(TEMPLATE).templateParameter("flowId").templateParameter("id")
                .from("direct:{{flowId}}")
                .routeConfigurationId(FLOW_POLICY)
                .description("{{id}}: files, custom formats and scores into arr_* tables; what changed since the last run")
                .bean("arrScoreExport", "begin(${body}, '{{id}}')")
                .setProperty(ArrCallGuard.EXPORT, body())
                .bean("{{id}}-breaker", "reset")
                .doTry()
                    .to("direct:{{id}}-check-status")
                    .to("direct:{{id}}-read-profiles")
                    .to("direct:{{id}}-list-files")
                    .setBody(exchangeProperty(ArrCallGuard.EXPORT))
                    .bean("arrScoreExport", "record")
                .doCatch(Exception.class)
                    .bean("arrScoreExport", "failed(" + EXPORT + ", ${exception})")
                    .process(e -> {
                        throw e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    })
                .end()
                .removeProperty(ArrCallGuard.EXPORT)
                .bean("arrReports", "refreshDashboard");
    }

    /** Every request to one instance. */
    private void callTemplate() {
        RouteDefinition r = routeTemplate(CALL_TEMPLATE).templateParameter("id").templateParameter("url").templateParameter("readTimeout")
                .from("direct:{{id}}-call-api")
                .routeConfigurationId(FLOW_POLICY)
                .description("One GET to {{id}} with its X-Api-Key, paced by ARR_RATE_LIMIT, behind its circuit breaker; the answer as JSON");
        // Nothing of the incoming exchange is sent (camel-http sends message headers as HTTP headers); Camel's redelivery
        // counters stay, as they are not sent and the redelivery needs them.
        r.removeHeaders("*", "CamelRedelivery*")
                .setBody(constant(null))
                .setHeader(Exchange.HTTP_PATH, simple("${variable.httpPath}"))
                .setHeader(Exchange.HTTP_QUERY, simple("${variable.httpQuery}"))
                // X-Api-Key from the settings (io.mediahub.common.HttpService): never a Camel property, never in a URI
                .process("{{id}}-api");
        if (rate != null) {
            // ARR_RATE_LIMIT requests a second to this instance, whichever run or worker asks; a thread interrupted while
            // it waits sends nothing
            r.doTry()
                    .throttle(rate.requests()).timePeriodMillis(rate.periodMillis())
                .endDoTry()
                .doCatch(InterruptedException.class, RejectedExecutionException.class)
                    .bean("arrCallGuard", "stopped")
                .end();
        }
        r.circuitBreaker().inheritErrorHandler(true)
                    .resilience4jConfiguration().circuitBreaker("{{id}}-circuit-breaker").end()
                    .process("arrCallGuard")
                    .to("{{url}}?httpMethod=GET&skipControlHeaders=false&disableStreamCache=true"
                            + "&responseTimeout={{readTimeout}}&soTimeout={{readTimeout}}")
                    .process("arrAnswerReader")
                .onFallback()
                    .process("{{id}}-breaker")
                .end();
    }

    /** A stage route of an instance ({@code direct:<id>-<name>}), under the outgoing-call policy. */
    private RouteDefinition stage(String template, String name, String description) {
        return routeTemplate(template).templateParameter("id").from("direct:{{id}}-" + name).routeConfigurationId(HTTP_POLICY)
                .description("{{id}}: " + description);
    }

    /** {@code /api/v3/system/status}, checked; also what {@code arr validate} asks. */
    private void statusTemplate() {
        stage(STATUS_TEMPLATE, "check-status", "system/status, checked to come from the service the settings name")
                .setVariable("httpPath", constant("/api/v3/system/status"))
                .removeVariable("httpQuery")
                .to("direct:{{id}}-call-api")
                .bean("arrScoreExport", "checkedStatus('{{id}}', ${body})")
                .filter(exchangeProperty(ArrCallGuard.EXPORT).isNotNull())
                    .bean("arrScoreExport", "status(" + EXPORT + ", ${body})")
                .end();
    }

    /** Quality profiles and custom formats, from the response cache or the service. */
    private void profilesTemplate() {
        RouteDefinition r = stage(PROFILES_TEMPLATE, "read-profiles", "quality profiles and custom formats (cached for ARR_CACHE_TTL minutes)")
                .removeVariable("httpQuery");
        for (String[] step : new String[][] {{"/api/v3/qualityprofile", "profiles"}, {"/api/v3/customformat", "formats"}}) {
            r.setVariable("httpPath", constant(step[0]))
                    .bean("arrScoreExport", "cached(" + EXPORT + ", ${variable.httpPath})")
                    .filter(body().isNull())
                        .to("direct:{{id}}-call-api")
                        .bean("arrScoreExport", "keep(" + EXPORT + ", ${variable.httpPath}, ${body})")
                    .end()
                    .bean("arrScoreExport", step[1] + "(" + EXPORT + ", ${body})");
        }
    }

    /** Radarr: the whole library in one answer, mapped movie by movie as it streams in. */
    private void radarrFilesTemplate() {
        stage(RADARR_FILES_TEMPLATE, "list-files", "/api/v3/movie (one unpaged array, stream-parsed), each movie's file mapped")
                .setVariable("httpPath", constant("/api/v3/movie"))
                .removeVariable("httpQuery")
                // each movie as it is parsed → ArrFileMapper.movie → the export (never the whole array in memory)
                .setVariable(ArrAnswerReader.EACH, method("arrScoreExport", "movieSink(" + EXPORT + ")"))
                .to("direct:{{id}}-call-api")
                .removeVariable(ArrAnswerReader.EACH)
                .bean("arrScoreExport", "moviesListed(" + EXPORT + ", ${body})");
    }

    /** Sonarr: the series, then each series' files in parallel (at most ARR_WORKERS at once). */
    private void sonarrFilesTemplates() {
        stage(SONARR_FILES_TEMPLATE, "list-files", "/api/v3/series, then each series' episodes and episode files (ARR_WORKERS in parallel)")
                .setVariable("httpPath", constant("/api/v3/series"))
                .removeVariable("httpQuery")
                .to("direct:{{id}}-call-api")
                .bean("arrScoreExport", "seriesList(" + EXPORT + ", ${body})")
                .split(body()).parallelProcessing().executorService(WORKERS).stopOnException()
                    .bean("arrScoreExport", "checkNotStopping(" + EXPORT + ")")
                    .setVariable("series", body())
                    .doTry()
                        .to("direct:{{id}}-list-series")
                    // one series failed: counted, its previous files kept, the others go on; a service judged down by
                    // its breaker, or Mediahub stopping, ends the listing
                    .doCatch(Exception.class).onWhen(method("arrScoreExport", "isSeriesFailure(${exception})"))
                        .bean("arrScoreExport", "seriesFailed(" + EXPORT + ", ${variable.series}, ${exception})")
                    .end()
                .end()
                .bean("arrScoreExport", "checkNotStopping(" + EXPORT + ")");

        stage(SONARR_SERIES_TEMPLATE, "list-series", "one series' episodes and episode files, mapped")
                .setVariable("httpPath", constant("/api/v3/episode"))
                .setVariable("httpQuery", simple("seriesId=${variable.series.get('id')}"))
                .to("direct:{{id}}-call-api")
                .setVariable("episodes", body())
                .setVariable("httpPath", constant("/api/v3/episodefile"))
                .to("direct:{{id}}-call-api")
                .bean("arrScoreExport", "series(" + EXPORT + ", ${variable.series}, ${variable.episodes}, ${body})");
    }
}
