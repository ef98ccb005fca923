package io.mediahub.common;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonHttpClientTest {
    private WireMockServer server;
    private JsonHttpClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        HttpSettings s = new HttpSettings(Duration.ofSeconds(2), Duration.ofMillis(800), 4, Duration.ofMillis(5), Duration.ofMillis(20));
        client = new JsonHttpClient("Radarr", "http://127.0.0.1:" + server.port() + "/", () -> Map.of("X-Api-Key", "k-secret"), s,
                "RADARR_URL", "RADARR_API_KEY", new ObjectMapper());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aStormOf429sEndsInOneLineAfterTheConfiguredAttempts() {
        server.stubFor(get(urlPathEqualTo("/x")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        assertThatThrownBy(() -> client.get("/x", Map.of())).isInstanceOf(ServiceException.class)
                .hasMessage("Radarr at http://127.0.0.1:" + server.port() + " answered 429 Too Many Requests (rate limited) after 4 attempts");
        server.verify(4, getRequestedFor(urlPathEqualTo("/x")));
    }

    @Test
    void notFoundAndForbiddenAreNotRetried() {
        server.stubFor(get(urlPathEqualTo("/missing")).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlPathEqualTo("/forbidden")).willReturn(aResponse().withStatus(403)));
        assertThatThrownBy(() -> client.get("/missing", Map.of())).hasMessageEndingWith("answered 404 Not Found for /missing — check RADARR_URL");
        assertThatThrownBy(() -> client.get("/forbidden", Map.of())).hasMessageEndingWith("answered 403 Forbidden — check RADARR_API_KEY");
        server.verify(1, getRequestedFor(urlPathEqualTo("/missing")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/forbidden")));
    }

    @Test
    void resetConnectionsAndSlowAnswersAreRetriedThenSucceed() {
        server.stubFor(get(urlPathEqualTo("/y")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("slow"));
        server.stubFor(get(urlPathEqualTo("/y")).inScenario("s").whenScenarioStateIs("slow")
                .willReturn(okJson("{}").withFixedDelay(1500)).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/y")).inScenario("s").whenScenarioStateIs("ok").willReturn(okJson("{\"fine\":true}")));
        assertThat(client.get("/y", Map.of()).get("fine").asBoolean()).isTrue();
        server.verify(3, getRequestedFor(urlPathEqualTo("/y")));
    }

    @Test
    void aTimeoutNamesTheServiceAndTheLimitAndNoSecretAppears() {
        server.stubFor(get(urlPathEqualTo("/slow")).willReturn(okJson("{}").withFixedDelay(1500)));
        assertThatThrownBy(() -> client.get("/slow", Map.of("q", "1"))).isInstanceOf(ServiceException.class)
                .hasMessageStartingWith("Radarr at http://127.0.0.1:" + server.port() + " did not answer /slow within 0.8 s")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("k-secret"));
    }

    @Test
    void headersAndQueryAreSent() {
        server.stubFor(get(urlPathEqualTo("/q")).willReturn(okJson("[1,2]")));
        assertThat(client.get("/q", Map.of("term", "Amélie & co")).size()).isEqualTo(2);
        server.verify(getRequestedFor(urlPathEqualTo("/q")).withHeader("X-Api-Key", com.github.tomakehurst.wiremock.client.WireMock.equalTo("k-secret"))
                .withQueryParam("term", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Amélie & co")));
    }

    @Test
    void aFormIsPostedInTheBodyAndThePacerIsAskedBeforeEveryAttempt() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v2/lookup")).inScenario("f")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v2/lookup")).inScenario("f")
                .whenScenarioStateIs("up").willReturn(okJson("{\"status\":\"ok\"}")));
        java.util.concurrent.atomic.AtomicInteger turns = new java.util.concurrent.atomic.AtomicInteger();
        client.pacedBy(turns::incrementAndGet);

        assertThat(client.postForm("/v2/lookup", new java.util.LinkedHashMap<>(Map.of("client", "k&y", "meta", "recordings releases")))
                .path("status").asText()).isEqualTo("ok");

        assertThat(turns.get()).as("one turn per attempt, the retry included").isEqualTo(2);
        server.verify(2, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/v2/lookup"))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("meta=recordings+releases"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("client=k%26y")));
        assertThat(server.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getUrl()).isEqualTo("/v2/lookup"));
    }

    @Test
    void aClientThatGivesUpWhenUnreachableRetriesOnceAndThenFailsAtOnceButNotForAnswersItDidNotLike() {
        JsonHttpClient once = new JsonHttpClient("MusicBrainz", "http://127.0.0.1:" + server.port(), Map::of,
                new HttpSettings(Duration.ofSeconds(2), Duration.ofMillis(800), 3, Duration.ofMillis(5), Duration.ofMillis(20)),
                "MUSICBRAINZ_API_URL", "MUSICBRAINZ_CONTACT", new ObjectMapper()).giveUpWhenUnreachable();
        // A 404 or a 503 is an answer: the next call is sent as usual.
        server.stubFor(get(urlPathEqualTo("/gone")).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlPathEqualTo("/busy")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> once.get("/gone", Map.of())).isInstanceOf(ServiceException.class);
        assertThatThrownBy(() -> once.get("/busy", Map.of())).isInstanceOf(ServiceException.class);
        server.stubFor(get(urlPathEqualTo("/ok")).willReturn(okJson("{\"fine\":true}")));
        assertThat(once.get("/ok", Map.of()).get("fine").asBoolean()).isTrue();
        server.verify(3, getRequestedFor(urlPathEqualTo("/busy")));

        // Connections reset on every attempt: after its retries the service counts as unreachable for this client.
        server.stubFor(get(urlPathEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> once.get("/reset", Map.of())).isInstanceOf(ServiceException.class);
        server.verify(3, getRequestedFor(urlPathEqualTo("/reset")));
        assertThatThrownBy(() -> once.get("/ok", Map.of())).isInstanceOf(ServiceException.class)
                .hasMessageStartingWith("MusicBrainz at http://127.0.0.1:" + server.port())
                .hasMessageEndingWith("(earlier in this run; not asked again)");
        server.verify(1, getRequestedFor(urlPathEqualTo("/ok")));

        // The ordinary client keeps asking.
        assertThatThrownBy(() -> client.get("/reset", Map.of())).isInstanceOf(ServiceException.class);
        assertThat(client.get("/ok", Map.of()).get("fine").asBoolean()).isTrue();
    }
}
