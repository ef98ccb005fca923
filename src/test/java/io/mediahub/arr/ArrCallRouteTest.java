package io.mediahub.arr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.mediahub.flow.FlowOutcome;
import io.mediahub.flow.FlowStoppedException;
import io.mediahub.testing.TestApp;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Radarr/Sonarr call route ({@code <instance>-call-api}) and the routes around it, on the real application against
 * fake services: every attempt passes the throttle (retries included), an interrupted thread sends nothing, the
 * circuit breaker opens on a dead service and later calls fail fast without reaching it, Sonarr's series split is
 * bounded by ARR_WORKERS, and the response cache keeps only quality profiles and custom formats that parsed.
 */
class ArrCallRouteTest {
    @TempDir
    Path dir;

    private final FakeArr radarr = new FakeArr(ArrService.RADARR);
    private TestApp app;
    private HttpServer sonarr;

    @AfterEach
    void stop() {
        Thread.interrupted();
        if (app != null) {
            app.close();
        }
        radarr.close();
        if (sonarr != null) {
            sonarr.stop(0);
        }
    }

    private TestApp start(String... extra) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("RADARR_URL", radarr.url(), "RADARR_API_KEY", FakeArr.KEY));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        app = TestApp.start(dir, env);
        return app;
    }

    /** Radarr answers every call again (an empty library). */
    private void healthyRadarr() {
        radarr.server.resetMappings();
        radarr.json("/api/v3/system/status", radarr.status());
        radarr.json("/api/v3/qualityprofile", FakeArr.profiles());
        radarr.json("/api/v3/customformat", FakeArr.customFormats());
        radarr.json("/api/v3/movie", "[]");
    }

    private List<Instant> requestTimes(String path) {
        return radarr.server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(path))
                .map(e -> e.getRequest().getLoggedDate().toInstant()).sorted(Comparator.naturalOrder()).toList();
    }

    private Exchange call(String endpoint) {
        return app.app().camelContext().createProducerTemplate().request(endpoint, x -> { });
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getClass().getName().startsWith("org.apache.camel.") && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    @Test
    void everyAttemptIsPacedRetriesIncluded() throws Exception {
        radarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo("/api/v3/system/status"))).atPriority(1).willReturn(aResponse().withStatus(503)));
        start("ARR_RATE_LIMIT", "1", "HTTP_MAX_ATTEMPTS", "4");

        Exchange x = call("direct:radarr-check-status");

        assertThat(rootCause(x.getException())).hasMessage("Radarr at " + radarr.url() + " answered 503 Service Unavailable after 4 attempts");
        List<Instant> times = requestTimes("/api/v3/system/status");
        assertThat(times).hasSize(4);
        // Retries are 10 ms apart by the backoff; at one request a second the throttle spreads them a second apart (the
        // first, which also opens the connection, is left out of the measure).
        assertThat(ChronoUnit.MILLIS.between(times.get(1), times.get(3))).isGreaterThanOrEqualTo(1900);
    }

    @Test
    void anInterruptedThreadSendsNothingAndStopsTheFlow() throws Exception {
        start();
        Thread.currentThread().interrupt();

        Exchange x = call("direct:radarr-check-status");

        assertThat(rootCause(x.getException())).isInstanceOf(FlowStoppedException.class)
                .hasMessage("Radarr export interrupted; the request was not sent");
        assertThat(radarr.requests("/api/v3/system/status")).isZero();
    }

    @Test
    void anInterruptWhileWaitingInTheThrottleSendsNothing() throws Exception {
        start("ARR_RATE_LIMIT", "1");
        assertThat(call("direct:radarr-check-status").getException()).isNull(); // the second's one request is used
        AtomicReference<Exchange> answer = new AtomicReference<>();
        Thread caller = new Thread(() -> answer.set(call("direct:radarr-check-status")), "arr-test-caller");
        caller.start();
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> caller.getState() == Thread.State.TIMED_WAITING || caller.getState() == Thread.State.WAITING);
        caller.interrupt();
        caller.join(5000);

        assertThat(rootCause(answer.get().getException())).isInstanceOf(FlowStoppedException.class);
        assertThat(radarr.requests("/api/v3/system/status")).isEqualTo(1);
    }

    @Test
    void theBreakerOpensOnADeadServiceAndLaterCallsFailFastWithoutReachingIt() throws Exception {
        radarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo("/api/v3/system/status"))).atPriority(1).willReturn(aResponse().withStatus(503)));
        start("HTTP_MAX_ATTEMPTS", "5");

        FlowOutcome o = app.run("radarr-export-scores");

        // the first call's retries open the breaker; its own message is the run's, word for word
        assertThat(o.error()).isEqualTo("radarr-export-scores failed: Radarr at " + radarr.url() + " answered 503 Service Unavailable after 5 attempts");
        assertThat(radarr.requests("/api/v3/system/status")).isEqualTo(5);
        // in the same run a later call is not sent at all
        Exchange x = call("direct:radarr-check-status");
        assertThat(rootCause(x.getException())).isInstanceOf(ArrBreaker.Down.class).hasMessage("Radarr at " + radarr.url()
                + " failed 5 calls in a row (last: 503 Service Unavailable) and is not asked again in this run — check RADARR_URL");
        assertThat(radarr.requests("/api/v3/system/status")).isEqualTo(5);
        // a new run asks again
        healthyRadarr();
        assertThat(app.run("radarr-export-scores").ok()).isTrue();
    }

    @Test
    void aSonarrThatDiesEndsTheRunOnceTheBreakerOpensNotOneSeriesAtATime() throws Exception {
        List<ObjectNode> series = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            series.add(FakeArr.series(i, "Show " + i, 1, "HBO"));
        }
        sonarr = fakeSonarr(FakeArr.array(series), exchange -> 503);
        start("SONARR_URL", "http://127.0.0.1:" + sonarr.getAddress().getPort(), "SONARR_API_KEY", FakeArr.KEY, "HTTP_MAX_ATTEMPTS", "2",
                "ARR_WORKERS", "1", "ARR_CACHE_ENABLED", "false");

        FlowOutcome o = app.run("sonarr-export-scores");

        assertThat(o.status()).isEqualTo(FlowOutcome.Status.FAILED);
        assertThat(o.error()).startsWith("sonarr-export-scores failed: Sonarr at http://127.0.0.1:" + sonarr.getAddress().getPort()
                + " failed 10 calls in a row (last: 503 Service Unavailable) and is not asked again in this run — check SONARR_URL");
        // status, profiles, formats and series succeeded; then five series failed twice each, and the breaker opened
        assertThat(episodeCalls.get()).isEqualTo(10);
        assertThat(app.rows("SELECT status, error_text FROM arr_runs").get(0)).containsEntry("status", "failed");
    }

    @Test
    void sonarrsSeriesAreListedInParallelButNeverMoreThanArrWorkersAtOnce() throws Exception {
        List<ObjectNode> series = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            series.add(FakeArr.series(i, "Show " + i, 1, "HBO"));
        }
        // each per-series call is held until a second one is in flight (or for half a second), so that a third, if the
        // split let one through, would be seen in flight with them
        Object lock = new Object();
        sonarr = fakeSonarr(FakeArr.array(series), exchange -> {
            synchronized (lock) {
                lock.notifyAll();
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
                while (inFlight.get() < 2 && System.nanoTime() < until) {
                    try {
                        lock.wait(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            return 200;
        });
        start("SONARR_URL", "http://127.0.0.1:" + sonarr.getAddress().getPort(), "SONARR_API_KEY", FakeArr.KEY, "ARR_WORKERS", "2",
                "ARR_RATE_LIMIT", "0", "ARR_CACHE_ENABLED", "false");

        FlowOutcome o = app.run("sonarr-export-scores");

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        assertThat(episodeCalls.get()).isEqualTo(12);
        assertThat(maxInFlight.get()).isEqualTo(2);
    }

    private final AtomicInteger episodeCalls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /** A Sonarr whose per-series calls (episode, episodefile) answer with {@code perSeries}'s status: empty lists on 200. */
    private HttpServer fakeSonarr(Object seriesList, java.util.function.ToIntFunction<com.sun.net.httpserver.HttpExchange> perSeries) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        s.setExecutor(Executors.newFixedThreadPool(8));
        ObjectNode status = FakeArr.status(ArrService.SONARR);
        s.createContext("/", ex -> {
            try (ex) {
                if (!FakeArr.KEY.equals(ex.getRequestHeaders().getFirst("X-Api-Key"))) {
                    ex.sendResponseHeaders(401, -1);
                    return;
                }
                String path = ex.getRequestURI().getPath();
                Object body = switch (path) {
                    case "/api/v3/system/status" -> status;
                    case "/api/v3/qualityprofile" -> FakeArr.profiles();
                    case "/api/v3/customformat" -> FakeArr.customFormats();
                    case "/api/v3/series" -> seriesList;
                    default -> null;
                };
                int code = 200;
                if (body == null) {
                    episodeCalls.incrementAndGet();
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        code = perSeries.applyAsInt(ex);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    body = FakeArr.JSON.createArrayNode();
                }
                byte[] bytes = code == 200 ? FakeArr.JSON.writeValueAsBytes(body) : "{}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(code, bytes.length);
                ex.getResponseBody().write(bytes);
            }
        });
        s.start();
        return s;
    }

    @Test
    void aBodyThatDoesNotParseIsNeverCached() throws Exception {
        radarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo("/api/v3/qualityprofile"))).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html><body>Please log in</body></html>")));
        radarr.json("/api/v3/movie", "[]");
        start("HTTP_MAX_ATTEMPTS", "1");

        FlowOutcome o = app.run("radarr-export-scores");
        assertThat(o.error()).contains("Radarr at " + radarr.url() + " answered a body that is not valid JSON for /api/v3/qualityprofile");
        assertThat(cachedFiles()).isEmpty();

        healthyRadarr();
        assertThat(app.run("radarr-export-scores").ok()).isTrue();
        assertThat(app.run("radarr-export-scores").ok()).isTrue();
        assertThat(radarr.requests("/api/v3/qualityprofile")).isEqualTo(2); // the login page, then one good answer reused
        assertThat(radarr.requests("/api/v3/movie")).isEqualTo(2); // never cached
        assertThat(radarr.requests("/api/v3/system/status")).isEqualTo(3); // never cached
        assertThat(cachedFiles()).hasSize(2);
    }

    @Test
    void aCachedAnswerThatNoLongerParsesIsAskedAgain() throws Exception {
        radarr.json("/api/v3/movie", "[]");
        start();
        ResponseCache cache = new ResponseCache(dir.resolve("cache").resolve("arr"), Duration.ofHours(1), java.time.Clock.systemUTC());
        String key = "radarr " + radarr.url() + "/api/v3/customformat";
        Files.createDirectories(cache.fileFor(key).getParent());
        Files.writeString(cache.fileFor(key), "<html>login</html>");

        FlowOutcome o = app.run("radarr-export-scores");

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        assertThat(o.result().counter("custom_formats")).isEqualTo(FakeArr.FORMATS.length);
        assertThat(radarr.requests("/api/v3/customformat")).isEqualTo(1);
        assertThat(Files.readString(cache.fileFor(key))).startsWith("[");
    }

    @Test
    void theRateLimitBecomesAThrottleOfWholeRequestsPerPeriod() {
        assertThat(ArrRoutes.Rate.perSecond(10)).isEqualTo(new ArrRoutes.Rate(10, 1000));
        assertThat(ArrRoutes.Rate.perSecond(2.5)).isEqualTo(new ArrRoutes.Rate(2, 800));
        assertThat(ArrRoutes.Rate.perSecond(0.5)).isEqualTo(new ArrRoutes.Rate(1, 2000));
        assertThat(ArrRoutes.Rate.perSecond(0)).isNull();
    }

    private List<Path> cachedFiles() throws Exception {
        Path d = dir.resolve("cache").resolve("arr");
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (var s = Files.list(d)) {
            return s.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }
}
