package io.mediahub.arr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mediahub.common.HttpSettings;
import io.mediahub.common.ServiceException;
import io.mediahub.flow.FlowStoppedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Radarr/Sonarr client's own rules: every attempt paced, an interrupt sends nothing, only slow-changing answers that parsed are cached. */
class ArrClientTest {
    static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 3, Duration.ofMillis(1), Duration.ofMillis(5));

    @TempDir
    Path dir;

    private final FakeArr radarr = new FakeArr(ArrService.RADARR);
    /** A fake clock that only moves when the bucket waits, and the waits it was asked for. */
    private final AtomicLong now = new AtomicLong();
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void stop() {
        Thread.interrupted();
        radarr.close();
    }

    private TokenBucket bucket(double perSecond) {
        return new TokenBucket(perSecond, now::get, d -> {
            waits.add(d);
            now.addAndGet(d.toNanos());
        });
    }

    private ArrClient client(TokenBucket bucket, ResponseCache cache, HttpSettings http) {
        return new ArrClient(ArrInstance.of(ArrService.RADARR), radarr.url(), FakeArr.KEY, http, bucket, cache, new ObjectMapper());
    }

    private void failTwiceThenAnswer(String path, String body) {
        radarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo(path))).atPriority(1).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("one"));
        radarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo(path))).atPriority(1).inScenario("flaky").whenScenarioStateIs("one")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("two"));
        radarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo(path))).atPriority(1).inScenario("flaky").whenScenarioStateIs("two")
                .willReturn(FakeArr.ok(body)));
    }

    @Test
    void everyAttemptIsPacedRetriesIncluded() {
        failTwiceThenAnswer("/api/v3/movie", "[]");
        ArrClient c = client(bucket(1), null, FAST);

        assertThat(c.forEach("/api/v3/movie", Map.of(), m -> { })).isZero();

        assertThat(radarr.requests("/api/v3/movie")).isEqualTo(3);
        assertThat(c.requests()).isEqualTo(3);
        // one request a second: the first goes at once, each retry waits for its own token
        assertThat(waits).hasSize(2).allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void anInterruptedThreadSendsNothingAndStopsTheFlow() {
        ArrClient c = client(bucket(10), null, FAST);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> c.get("/api/v3/qualityprofile", Map.of())).isInstanceOf(FlowStoppedException.class);

        assertThat(radarr.requests("/api/v3/qualityprofile")).isZero();
        assertThat(c.requests()).isZero();
    }

    @Test
    void anInterruptWhileWaitingForATokenSendsNothing() {
        TokenBucket b = new TokenBucket(1, now::get, d -> {
            throw new InterruptedException("stopping");
        });
        ArrClient c = client(b, null, FAST);
        b.reserve(); // the burst is used up: the next request must wait

        assertThatThrownBy(() -> c.status()).isInstanceOf(FlowStoppedException.class);

        assertThat(radarr.requests("/api/v3/system/status")).isZero();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void aBodyThatDoesNotParseIsNeverCached() throws Exception {
        ResponseCache cache = new ResponseCache(dir, Duration.ofHours(1), Clock.systemUTC());
        radarr.server.stubFor(FakeArr.authed(get(urlPathEqualTo("/api/v3/qualityprofile"))).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html><body>Please log in</body></html>")));
        HttpSettings once = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 1, Duration.ofMillis(1), Duration.ofMillis(5));
        ArrClient c = client(bucket(0), cache, once);

        assertThatThrownBy(() -> c.get("/api/v3/qualityprofile", Map.of())).isInstanceOf(ServiceException.class).hasMessageContaining("not valid JSON");
        assertThat(cachedFiles()).isEmpty();

        radarr.server.resetMappings();
        radarr.json("/api/v3/qualityprofile", FakeArr.profiles());
        assertThat(c.get("/api/v3/qualityprofile", Map.of()).size()).isEqualTo(2);
        assertThat(c.get("/api/v3/qualityprofile", Map.of()).size()).isEqualTo(2);
        assertThat(radarr.requests("/api/v3/qualityprofile")).isEqualTo(2); // the login page, then one good answer reused
        assertThat(cachedFiles()).hasSize(1);
    }

    @Test
    void aCachedAnswerThatNoLongerParsesIsAskedAgain() throws Exception {
        ResponseCache cache = new ResponseCache(dir, Duration.ofHours(1), Clock.systemUTC());
        String key = "radarr " + radarr.url() + "/api/v3/customformat";
        Files.writeString(cache.fileFor(key), "<html>login</html>");
        radarr.json("/api/v3/customformat", FakeArr.customFormats());

        assertThat(client(bucket(0), cache, FAST).get("/api/v3/customformat", Map.of()).size()).isEqualTo(FakeArr.FORMATS.length);
        assertThat(radarr.requests("/api/v3/customformat")).isEqualTo(1);
        assertThat(Files.readString(cache.fileFor(key))).startsWith("[");
    }

    @Test
    void onlyProfilesAndCustomFormatsAreCachedNeverTheFileLists() {
        ResponseCache cache = new ResponseCache(dir, Duration.ofHours(1), Clock.systemUTC());
        radarr.json("/api/v3/movie", "[]");
        ArrClient c = client(bucket(0), cache, FAST);
        for (int i = 0; i < 2; i++) {
            c.status();
            c.get("/api/v3/qualityprofile", Map.of());
            c.get("/api/v3/customformat", Map.of());
            c.forEach("/api/v3/movie", Map.of(), m -> { });
        }
        assertThat(radarr.requests("/api/v3/qualityprofile")).isEqualTo(1);
        assertThat(radarr.requests("/api/v3/customformat")).isEqualTo(1);
        assertThat(radarr.requests("/api/v3/movie")).isEqualTo(2);
        assertThat(radarr.requests("/api/v3/system/status")).isEqualTo(2);
    }

    private List<Path> cachedFiles() throws Exception {
        try (var s = Files.list(dir)) {
            return s.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }
}
