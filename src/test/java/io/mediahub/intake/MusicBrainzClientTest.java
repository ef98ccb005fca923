package io.mediahub.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MusicBrainz client through its routes (intake-ask-musicbrainz, intake-call-musicbrainz) on the real application
 * against a fake MusicBrainz that records when each request came: every request, a retry too, passes the throttle of
 * one request per MUSICBRAINZ_REQUEST_INTERVAL and carries the User-Agent with the contact.
 */
class MusicBrainzClientTest {
    private static final String REC = "41959321-f2bb-4580-aa19-16248fe665d3";
    private static final String REL = "b84ee12a-09ef-421b-82de-0441a926375b";

    @TempDir
    Path dir;

    private WireMockServer server;
    private TestApp app;
    private MusicBrainzClient client;

    @BeforeEach
    void start() throws Exception {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Map<String, String> env = new HashMap<>();
        env.put("MUSICBRAINZ_API_URL", "http://127.0.0.1:" + server.port());
        env.put("MUSICBRAINZ_CONTACT", "ops@example.org");
        env.put("HTTP_MAX_ATTEMPTS", "3");
        app = TestApp.start(dir, env);
        client = new MusicBrainzClient(calls(), "ops@example.org");
    }

    private IntakeCalls calls() {
        return app.app().bean("intakeCalls", IntakeCalls.class);
    }

    @AfterEach
    void stop() {
        app.close();
        server.stop();
    }

    private List<Instant> requestTimes() {
        return server.getAllServeEvents().stream().map(e -> e.getRequest().getLoggedDate().toInstant()).sorted(Comparator.naturalOrder()).toList();
    }

    @Test
    void everyRequestRetriesIncludedWaitsItsTurnAndCarriesTheUserAgent() {
        server.stubFor(get(urlPathEqualTo("/ws/2/recording/" + REC)).inScenario("mb").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/ws/2/recording/" + REC)).inScenario("mb").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"id\":\"" + REC + "\",\"releases\":[]}")));
        server.stubFor(get(urlPathEqualTo("/ws/2/release/" + REL)).willReturn(okJson("{\"id\":\"" + REL + "\"}")));

        assertThat(client.recording(REC).path("id").asText()).isEqualTo(REC);
        assertThat(client.release(REL).path("id").asText()).isEqualTo(REL);
        assertThat(client.release(REL).path("id").asText()).as("cached: no third request").isEqualTo(REL);

        // Three requests (the 503, its retry, the release): the retry waits 10 ms by the backoff, yet each request came a
        // whole interval (1.1 s, less what the first connection took to open) after the one before: the throttle paced it.
        List<Instant> times = requestTimes();
        assertThat(times).hasSize(3);
        assertThat(ChronoUnit.MILLIS.between(times.get(0), times.get(1))).isGreaterThanOrEqualTo(1000);
        assertThat(ChronoUnit.MILLIS.between(times.get(1), times.get(2))).isGreaterThanOrEqualTo(1000);
        server.verify(2, getRequestedFor(urlPathEqualTo("/ws/2/recording/" + REC)).withQueryParam("fmt", equalTo("json"))
                .withQueryParam("inc", equalTo("releases release-groups media artist-credits")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/ws/2/release/" + REL)));
        assertThat(server.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getHeader("User-Agent"))
                .matches("Mediahub/\\S+ \\( ops@example\\.org \\)"));
    }

    @Test
    void anUnknownIdIsNullAndSomethingThatIsNoIdNeverReachesAPath() {
        server.stubFor(get(urlPathEqualTo("/ws/2/release/" + REL)).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":\"Not Found\",\"help\":\"For usage, please see: https://musicbrainz.org/development/mmd\"}")));
        assertThat(client.release(REL)).isNull();
        assertThatThrownBy(() -> client.recording("../../admin")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a MusicBrainz id: ../../admin");
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void theReleaseSearchQuotesTheAlbumAndTheArtist() {
        server.stubFor(get(urlPathEqualTo("/ws/2/release")).willReturn(okJson("{\"releases\":[]}")));
        client.searchReleases("Say \"Hi\" \\ Bye", "AC/DC");
        server.verify(getRequestedFor(urlPathEqualTo("/ws/2/release")).withQueryParam("query",
                equalTo("release:\"Say \\\"Hi\\\" \\\\ Bye\" AND artist:\"AC/DC\"")).withQueryParam("limit", equalTo("25")));
        assertThat(MusicBrainzClient.userAgent("me@example.org (\nadmin)")).matches("Mediahub/\\S+ \\( me@example\\.org admin \\)");
        assertThat(MusicBrainzClient.userAgent("")).matches("Mediahub/\\S+").doesNotContain("(");
        assertThat(MusicBrainzClient.userAgent(null)).matches("Mediahub/\\S+");
    }

    @Test
    void theContactWarningIsSaidOnceAndOnlyWhenARequestGoesOutWithoutOne() {
        server.stubFor(get(urlPathEqualTo("/ws/2/recording/" + REC)).willReturn(okJson("{\"id\":\"" + REC + "\"}")));
        server.stubFor(get(urlPathEqualTo("/ws/2/release")).willReturn(okJson("{\"releases\":[]}")));
        List<String> said = new ArrayList<>();
        MusicBrainzClient.ContactWarning warning = new MusicBrainzClient.ContactWarning(said::add);

        MusicBrainzClient first = new MusicBrainzClient(calls(), "", warning);
        MusicBrainzClient second = new MusicBrainzClient(calls(), null, warning);
        assertThat(said).as("making a client (a run that files no audio, a start) says nothing").isEmpty();

        first.recording(REC);
        first.searchReleases("Album", null);
        second.recording(REC);

        assertThat(said).singleElement().asString().contains("set MUSICBRAINZ_CONTACT").contains("Mediahub/");
        new MusicBrainzClient(calls(), "ops@example.org", new MusicBrainzClient.ContactWarning(said::add)).recording(REC);
        assertThat(said).as("with a contact: nothing").hasSize(1);
    }
}
