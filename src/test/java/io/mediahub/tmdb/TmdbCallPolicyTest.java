package io.mediahub.tmdb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.LogCapture;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outgoing-call policy (mediahub-http-policy) and TMDb's call route (tmdb-call-api), on the real application
 * against a fake TMDb that records when each request came: Retry-After (seconds and HTTP date) sets the next wait,
 * 4xx are never retried, 5xx are retried up to HTTP_MAX_ATTEMPTS, every attempt passes TMDb's throttle, the one-line
 * messages are those of the other clients, and neither the token nor an incoming header leaves the route.
 */
class TmdbCallPolicyTest {
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.policy-secret";
    static final String MOVIE = "/3/genre/movie/list";
    static final String TV = "/3/genre/tv/list";
    static final String GENRES = "{\"genres\":[{\"id\":28,\"name\":\"Action\"},{\"id\":18,\"name\":\"Drama\"}]}";

    @TempDir
    Path dir;

    private WireMockServer tmdb;
    private TestApp app;

    @BeforeEach
    void fakeTmdb() {
        tmdb = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        tmdb.start();
        tmdb.stubFor(get(urlPathEqualTo(TV)).willReturn(okJson(GENRES)));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        tmdb.stop();
    }

    private TestApp start(Map<String, String> more) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("TMDB_READ_ACCESS_TOKEN", TOKEN, "TMDB_API_URL", "http://127.0.0.1:" + tmdb.port() + "/3"));
        env.putAll(more);
        app = TestApp.start(dir, env);
        return app;
    }

    /** First answer {@code first}, then the genre list. */
    private void failOnceThenAnswer(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        tmdb.stubFor(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED).willReturn(first).willSetStateTo("answered"));
        tmdb.stubFor(get(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("answered").willReturn(okJson(GENRES)));
    }

    private List<Instant> requestTimes(String path) {
        return tmdb.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(path))
                .map(e -> e.getRequest().getLoggedDate().toInstant()).sorted(Comparator.naturalOrder()).toList();
    }

    @Test
    void retryAfterInSecondsSetsTheNextWaitEvenAboveTheBackoff() throws Exception {
        failOnceThenAnswer(MOVIE, aResponse().withStatus(429).withHeader("Retry-After", "1"));
        start(Map.of("HTTP_RETRY_MAX_DELAY", "5"));
        NotifyBuilder done = new NotifyBuilder(app.app().camelContext()).fromRoute("tmdb-sync-genres").whenCompleted(1).create();

        FlowOutcome o = app.run("tmdb-sync-genres");

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        List<Instant> times = requestTimes(MOVIE);
        assertThat(times).hasSize(2);
        // The base delay is 10 ms in tests: only the server's Retry-After explains a wait of a second.
        assertThat(ChronoUnit.MILLIS.between(times.get(0), times.get(1))).isGreaterThanOrEqualTo(1000);
        assertThat(o.result().read()).isEqualTo(4);
    }

    @Test
    void retryAfterAsAnHttpDateIsWaitedFor() throws Exception {
        Instant until = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        failOnceThenAnswer(MOVIE, aResponse().withStatus(503)
                .withHeader("retry-after", DateTimeFormatter.RFC_1123_DATE_TIME.format(until.atOffset(ZoneOffset.UTC))));
        start(Map.of("HTTP_RETRY_MAX_DELAY", "5"));

        FlowOutcome o = app.run("tmdb-sync-genres");

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        List<Instant> times = requestTimes(MOVIE);
        assertThat(times).hasSize(2);
        assertThat(times.get(1)).isAfterOrEqualTo(until);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "404 | answered 404 Not Found for /genre/movie/list — check TMDB_API_URL",
            "401 | answered 401 Unauthorized — check TMDB_READ_ACCESS_TOKEN",
            "400 | answered 400 Bad Request for /genre/movie/list"})
    void aClientErrorIsOneHitNeverRetriedAndKeepsItsOneLineMessage(int status, String line) throws Exception {
        tmdb.stubFor(get(urlPathEqualTo(MOVIE)).willReturn(aResponse().withStatus(status)));
        start(Map.of());

        FlowOutcome o = app.run("tmdb-sync-genres");

        assertThat(o.error()).isEqualTo("tmdb-sync-genres failed: TMDb at http://127.0.0.1:" + tmdb.port() + "/3 " + line);
        tmdb.verify(1, getRequestedFor(urlPathEqualTo(MOVIE)));
        tmdb.verify(0, getRequestedFor(urlPathEqualTo(TV)));
    }

    @Test
    void aServerErrorIsRetriedUpToTheMaximumLoggedAtWarnWithoutTheToken() throws Exception {
        tmdb.stubFor(get(urlPathEqualTo(MOVIE)).willReturn(aResponse().withStatus(500)));
        start(Map.of("HTTP_MAX_ATTEMPTS", "3"));
        String logged;
        FlowOutcome o;
        try (LogCapture log = new LogCapture()) {
            o = app.run("tmdb-sync-genres");
            logged = log.text();
        }

        assertThat(o.error()).isEqualTo("tmdb-sync-genres failed: TMDb at http://127.0.0.1:" + tmdb.port()
                + "/3 answered 500 Internal Server Error after 3 attempts");
        tmdb.verify(3, getRequestedFor(urlPathEqualTo(MOVIE)));
        // Each retry at WARN, in the words the other clients use (the last attempt is not a retry).
        assertThat(logged.lines().filter(l -> l.contains(" WARN ") && l.contains("retrying"))).containsExactly(
                logged.lines().filter(l -> l.endsWith("TMDb GET /genre/movie/list: attempt 1 failed (500 Internal Server Error), retrying")).findFirst().orElse("attempt 1"),
                logged.lines().filter(l -> l.endsWith("TMDb GET /genre/movie/list: attempt 2 failed (500 Internal Server Error), retrying")).findFirst().orElse("attempt 2"));
        assertThat(logged).doesNotContain(TOKEN).doesNotContain("policy-secret");
        assertThat(app.app().camelContext().getEndpoints()).extracting(Endpoint::getEndpointUri).noneMatch(u -> u.contains("policy-secret"));
        assertThat(app.app().camelContext().getGlobalOptions().toString() + app.app().camelContext().getPropertiesComponent()
                .loadProperties().toString()).doesNotContain("policy-secret");
    }

    @Test
    void everyAttemptRetriesIncludedPassesTmdbsThrottle() throws Exception {
        tmdb.stubFor(get(urlPathEqualTo(MOVIE)).willReturn(aResponse().withStatus(503)));
        start(Map.of("HTTP_MAX_ATTEMPTS", "3", "TMDB_RATE_LIMIT", "1"));

        app.run("tmdb-sync-genres");

        List<Instant> times = requestTimes(MOVIE);
        assertThat(times).hasSize(3);
        // Retries are 10 ms apart by the backoff; at 1 request a second the throttle spreads them over 2 s at least.
        assertThat(ChronoUnit.MILLIS.between(times.get(0), times.get(2))).isGreaterThanOrEqualTo(1900);
    }

    @Test
    void theCallRouteSendsTheTokenAndNothingOfTheIncomingExchange() throws Exception {
        tmdb.stubFor(get(urlPathEqualTo(MOVIE)).willReturn(okJson(GENRES)));
        start(Map.of());

        Object body = app.app().camelContext().createProducerTemplate().send("direct:tmdb-call-api", x -> {
            x.setVariable("httpPath", "/genre/movie/list");
            x.setVariable("httpQuery", "language=en");
            x.getIn().setHeader("X-Api-Key", "leaked-from-upstream");
            x.getIn().setHeader("Authorization", "Bearer upstream");
            x.getIn().setHeader("CamelHttpUri", "http://127.0.0.1:9/elsewhere");
            x.getIn().setBody("incoming body");
        }).getMessage().getBody();

        assertThat(body).isInstanceOf(com.fasterxml.jackson.databind.JsonNode.class);
        var request = tmdb.getAllServeEvents().get(0).getRequest();
        assertThat(request.getUrl()).isEqualTo(MOVIE + "?language=en");
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.containsHeader("X-Api-Key")).isFalse();
        assertThat(request.getAllHeaderKeys()).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("camel"));
        assertThat(request.getBodyAsString()).isEmpty();
    }

    @Test
    void aFailureAfterTheGenreWritesRollsThemAllBack() throws Exception {
        tmdb.stubFor(get(urlPathEqualTo(MOVIE)).willReturn(okJson(GENRES)));
        start(Map.of());
        // No fake server can fail the store: make the step after the writes fail instead.
        org.apache.camel.builder.AdviceWith.adviceWith(app.app().camelContext(), "tmdb-sync-genres",
                a -> a.weaveByToString(".*tmdbGenreRepository.*").before().throwException(new IllegalStateException("the store went away")));

        FlowOutcome o = app.run("tmdb-sync-genres");

        assertThat(o.error()).isEqualTo("tmdb-sync-genres failed: the store went away");
        assertThat(app.count("SELECT COUNT(*) FROM tmdb_genres")).isZero();
    }
}
