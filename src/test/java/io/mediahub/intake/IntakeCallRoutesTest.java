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
import io.mediahub.testing.Fixtures;
import io.mediahub.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake's call routes on the real application against a fake TMDb and a fake Cover Art Archive: a TMDb search
 * that fails with 503 is retried by the outgoing-call policy and then answers; the Cover Art Archive's redirect is
 * followed only to an allowed https host (archive.org's storage, stood in for by AdviceWith, since tests stay on
 * loopback), and never to another host.
 */
class IntakeCallRoutesTest {
    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.intake-calls";
    private static final String RELEASE = "b84ee12a-09ef-421b-82de-0441a926375b";
    private static final String FRONT = "/release/" + RELEASE + "/front";

    @TempDir
    Path dir;

    private WireMockServer server;
    private TestApp app;
    private final List<String> hops = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        app = TestApp.start(dir, Map.of("TMDB_READ_ACCESS_TOKEN", TOKEN, "TMDB_API_URL", url() + "/3", "INTAKE_COVERART_URL", url(),
                "HTTP_MAX_ATTEMPTS", "3"));
        // archive.org's storage host answers the redirect: the hop's endpoint, replaced, records where it was sent.
        AdviceWith.adviceWith(app.app().camelContext(), "intake-fetch-cover", a -> a.weaveById("intake-fetch-cover-redirect").replace()
                .process(x -> {
                    hops.add(x.getMessage().getHeader(Exchange.HTTP_URI, String.class));
                    x.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                    x.getMessage().setBody(new ByteArrayInputStream(FakeTmdb.JPEG));
                }));
    }

    @AfterEach
    void stop() {
        app.close();
        server.stop();
    }

    private String url() {
        return "http://127.0.0.1:" + server.port();
    }

    private IntakeCalls calls() {
        return app.app().bean("intakeCalls", IntakeCalls.class);
    }

    @Test
    void aTmdbSearchAnswering503IsRetriedThenAnswers() throws Exception {
        String path = "/3/search/movie";
        server.stubFor(get(urlPathEqualTo(path)).inScenario("s").whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503))
                .willSetStateTo("up"));
        server.stubFor(get(urlPathEqualTo(path)).inScenario("s").whenScenarioStateIs("up")
                .willReturn(okJson(Fixtures.text("tmdb/search-movie.fight-club.json"))));

        var results = new TmdbSearchClient(calls(), "en").searchMovie("Fight Club", 1999);

        assertThat(results).isNotEmpty();
        assertThat(results.get(0).path("title").asText()).isEqualTo("Fight Club");
        server.verify(2, getRequestedFor(urlPathEqualTo(path)).withQueryParam("query", equalTo("Fight Club"))
                .withQueryParam("year", equalTo("1999")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void theCoverArtRedirectIsFollowedToArchiveOrgOverHttps() throws Exception {
        String image = "https://ia800.us.archive.org/32/items/mbid-" + RELEASE + "/mbid-" + RELEASE + "-829521842.jpg";
        server.stubFor(get(urlPathEqualTo(FRONT)).willReturn(aResponse().withStatus(307).withHeader("Location", image)));
        Path cover = Files.createDirectories(dir.resolve("album")).resolve("cover.jpg");

        new ArtworkFetcher(calls(), url() + "/t/p", url()).cover(RELEASE, cover);

        assertThat(hops).containsExactly(image);
        assertThat(Files.readAllBytes(cover)).isEqualTo(FakeTmdb.JPEG);
        assertThat(TestMedia.files(cover.getParent())).containsExactly("cover.jpg");
    }

    @Test
    void aRedirectToAnotherHostOrWithoutHttpsIsNotFollowed() throws Exception {
        Path cover = Files.createDirectories(dir.resolve("album")).resolve("cover.jpg");
        for (String[] c : new String[][] {{"https://images.example.org/cover.jpg", "which is not coverartarchive.org or archive.org"},
                {"http://archive.org/download/x.jpg", "which is not https"},
                {"https://archive.org.example.org/x.jpg", "which is not coverartarchive.org or archive.org"}}) {
            server.stubFor(get(urlPathEqualTo(FRONT)).willReturn(aResponse().withStatus(307).withHeader("Location", c[0])));

            assertThatThrownBy(() -> new ArtworkFetcher(calls(), url() + "/t/p", url()).cover(RELEASE, cover)).isInstanceOf(IOException.class)
                    .hasMessage("Cover Art Archive at " + url() + " redirected the front cover of release " + RELEASE + " to " + c[0] + ", "
                            + c[1] + "; not followed");
        }
        assertThat(hops).isEmpty();
        assertThat(Files.exists(cover)).isFalse();
    }
}
