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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mediahub.common.HttpSettings;
import io.mediahub.common.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MusicBrainz client on loopback, its limiter on a fake clock: every request (a retry too) waits its turn. */
class MusicBrainzClientTest {
    private static final String REC = "41959321-f2bb-4580-aa19-16248fe665d3";
    private static final String REL = "b84ee12a-09ef-421b-82de-0441a926375b";

    private WireMockServer server;
    private long now;
    private final List<Duration> waited = new ArrayList<>();
    private MusicBrainzClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        RateLimiter limiter = new RateLimiter(Duration.ofMillis(1100), () -> now, d -> {
            waited.add(d);
            now += d.toNanos();
        });
        HttpSettings http = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 3, Duration.ofMillis(1), Duration.ofMillis(5));
        client = new MusicBrainzClient("http://127.0.0.1:" + server.port(), "ops@example.org", limiter, http, new ObjectMapper());
    }

    @AfterEach
    void stop() {
        server.stop();
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

        // Three requests (the 503, its retry, the release): the second and third each waited a whole interval.
        assertThat(waited).containsExactly(Duration.ofMillis(1100), Duration.ofMillis(1100));
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
        RateLimiter limiter = new RateLimiter(Duration.ofMillis(1), () -> now, d -> now += d.toNanos());
        HttpSettings http = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(10), 1, Duration.ofMillis(1), Duration.ofMillis(5));
        String url = "http://127.0.0.1:" + server.port();

        MusicBrainzClient first = new MusicBrainzClient(url, "", limiter, http, new ObjectMapper(), warning);
        MusicBrainzClient second = new MusicBrainzClient(url, null, limiter, http, new ObjectMapper(), warning);
        assertThat(said).as("making a client (a run that files no audio, a start) says nothing").isEmpty();

        first.recording(REC);
        first.searchReleases("Album", null);
        second.recording(REC);

        assertThat(said).singleElement().asString().contains("set MUSICBRAINZ_CONTACT").contains("Mediahub/");
        new MusicBrainzClient(url, "ops@example.org", limiter, http, new ObjectMapper(), new MusicBrainzClient.ContactWarning(said::add))
                .recording(REC);
        assertThat(said).as("with a contact: nothing").hasSize(1);
    }
}
