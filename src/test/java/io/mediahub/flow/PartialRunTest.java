package io.mediahub.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.mediahub.config.Settings;
import io.mediahub.store.Store;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flow that did only part of its work: recorded, returned and notified as partial, never as ok. */
class PartialRunTest {
    private static final FlowDefinition FLOW = new FlowDefinition("test-run-partial", "a flow that lists only some of its items", List.of(),
            "store.backup-cron");

    @TempDir
    Path dir;

    private final WireMockServer hook = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @AfterEach
    void stop() {
        hook.stop();
    }

    @Test
    void aPartialResultIsRecordedAsPartialWithItsReasonAndNotifiedAsAFailureIs() {
        hook.start();
        hook.stubFor(post(urlPathEqualTo("/hook")).willReturn(ok()));
        Settings settings = TestApp.settings(dir, Map.of("MEDIAHUB_NOTIFY_URL", "http://127.0.0.1:" + hook.port() + "/hook"));
        try (Store store = Store.open(settings)) {
            FlowRunRepository runs = new FlowRunRepository(store, new ObjectMapper());
            FlowInvoker invoker = (endpoint, request) -> new FlowResult().read(3).written(2).partial("1 item could not be read");
            FlowRunner runner = new FlowRunner(new FlowCatalog(settings, List.of(FLOW)), runs, invoker, new RunNotifier(settings, new ObjectMapper(), (url, body) -> {
                // The webhook's transport (camel-http in the application), as a plain POST here.
                var c = java.net.http.HttpClient.newHttpClient();
                return c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            }),
                    FlowMetrics.NONE, dir.resolve("locks"), Clock.systemUTC());

            FlowOutcome o = runner.run(FLOW.id(), "cli", Map.of());

            assertThat(o.status()).isEqualTo(FlowOutcome.Status.PARTIAL);
            assertThat(o.ok()).isFalse();
            assertThat(o.error()).isEqualTo("1 item could not be read");
            assertThat(o.result().written()).isEqualTo(2);
            assertThat(runs.recent(FLOW.id(), 1)).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo("partial");
                assertThat(r.errorText()).isEqualTo("1 item could not be read");
                assertThat(r.written()).isEqualTo(2);
            });
            hook.verify(postRequestedFor(urlPathEqualTo("/hook")).withRequestBody(equalToJson(
                    "{\"flow\":\"test-run-partial\",\"status\":\"partial\",\"error\":\"1 item could not be read\",\"read\":3,\"written\":2}", true, true)));
        }
    }

    @Test
    void discordNamesTheFlowAndTheReason() {
        FlowOutcome o = new FlowOutcome("sonarr-export-scores", 7, FlowOutcome.Status.PARTIAL, 2500, new FlowResult(), "1 series could not be listed");
        assertThat(RunNotifier.discordText(o)).isEqualTo("Mediahub: sonarr-export-scores partial in 2.5 s: 1 series could not be listed");
    }

    @Test
    void aResultWithoutAReasonIsWhole() {
        assertThat(new FlowResult().written(1).partialReason()).isEmpty();
        assertThat(new FlowResult().partial("a").partial("b").partialReason()).contains("a; b");
    }
}
