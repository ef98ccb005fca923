package io.mediahub.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.mediahub.app.ErrorPolicy;
import io.mediahub.app.NotifyWebhookRoute;
import io.mediahub.app.OutgoingHttp;
import io.mediahub.common.HttpSettings;
import io.mediahub.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import io.mediahub.testing.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunNotifierTest {
    private WireMockServer hook;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        // The webhook's transport: the application's camel-http component and its direct:notify-webhook route.
        camel = new DefaultCamelContext();
        HttpSettings http = HttpSettings.from(Settings.load(Map.of(), Path.of("no-such.env")));
        camel.addComponent("http", OutgoingHttp.component(http, 2));
        camel.addRoutes(new ErrorPolicy(http, java.time.Clock.systemUTC()));
        camel.addRoutes(new NotifyWebhookRoute());
        camel.start();
        hook = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        hook.start();
        hook.stubFor(post(urlPathEqualTo("/api/webhooks/1/token")).willReturn(ok()));
        hook.stubFor(post(urlPathEqualTo("/hook")).willReturn(ok()));
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        hook.stop();
    }

    private RunNotifier notifier(Map<String, String> env) {
        ProducerTemplate template = camel.createProducerTemplate();
        return new RunNotifier(Settings.load(env, Path.of("no-such.env")), new ObjectMapper(),
                (url, body) -> NotifyWebhookRoute.post(template, url, body));
    }

    @Test
    void discordGetsContentCutAt2000Characters() {
        RunNotifier n = notifier(Map.of("MEDIAHUB_NOTIFY_URL", "http://127.0.0.1:" + hook.port() + "/api/webhooks/1/token", "MEDIAHUB_NOTIFY_FORMAT", "discord"));
        String longError = "emby-sync-library failed: " + "x".repeat(3000);
        n.notify(new FlowOutcome("emby-sync-library", 4, FlowOutcome.Status.FAILED, 10, null, longError));
        hook.verify(postRequestedFor(urlPathEqualTo("/api/webhooks/1/token"))
                .withRequestBody(matchingJsonPath("$.content", com.github.tomakehurst.wiremock.client.WireMock.matching("Mediahub: emby-sync-library failed: x{1000,}…"))));
        String sent = hook.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(RunNotifier.discordText(new FlowOutcome("f", 1, FlowOutcome.Status.FAILED, 1, null, longError))).hasSize(2000);
        assertThat(sent).contains("\"content\"");
    }

    @Test
    void genericJsonOnFailureAndNothingOnSuccessUnlessAsked() {
        RunNotifier n = notifier(Map.of("MEDIAHUB_NOTIFY_URL", "http://127.0.0.1:" + hook.port() + "/hook"));
        n.notify(new FlowOutcome("tmdb-sync-genres", 9, FlowOutcome.Status.OK, 5, new FlowResult().read(3), null));
        hook.verify(0, postRequestedFor(urlPathEqualTo("/hook")));
        n.notify(new FlowOutcome("tmdb-sync-genres", 10, FlowOutcome.Status.FAILED, 5, null, "tmdb-sync-genres failed: boom"));
        hook.verify(postRequestedFor(urlPathEqualTo("/hook")).withRequestBody(equalToJson(
                "{\"flow\":\"tmdb-sync-genres\",\"run_id\":10,\"status\":\"failed\",\"duration_ms\":5,\"error\":\"tmdb-sync-genres failed: boom\"}")));

        RunNotifier all = notifier(Map.of("MEDIAHUB_NOTIFY_URL", "http://127.0.0.1:" + hook.port() + "/hook", "MEDIAHUB_NOTIFY_ON_SUCCESS", "true"));
        all.notify(new FlowOutcome("tmdb-sync-genres", 11, FlowOutcome.Status.OK, 5, new FlowResult().read(3).written(2), null));
        hook.verify(postRequestedFor(urlPathEqualTo("/hook")).withRequestBody(matchingJsonPath("$.status", com.github.tomakehurst.wiremock.client.WireMock.equalTo("ok"))));
    }

    @Test
    void anUnreachableWebhookIsNotFatal() {
        // Nothing listens on port 9 of the loopback: the connection is refused at once.
        RunNotifier n = notifier(Map.of("MEDIAHUB_NOTIFY_URL", "http://127.0.0.1:9/api/webhooks/1/secret-webhook-token"));
        PrintStream realErr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            assertThatCode(() -> n.notify(new FlowOutcome("emby-sync-library", 7, FlowOutcome.Status.FAILED, 1, null, "emby-sync-library failed: x")))
                    .doesNotThrowAnyException();
        } finally {
            System.setErr(realErr);
        }

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        // One warning naming the run and the cause, never the URL (a Discord webhook URL holds its token).
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Could not post emby-sync-library's run 7 to the notification webhook")
                .doesNotContain("secret-webhook-token");
    }

    @Test
    void theWebhookUrlIsAHeaderNeverAnEndpointUriNorALogLineAndIncomingHeadersAreNotSent() {
        String secretPath = "/api/webhooks/1/token";
        hook.stubFor(post(urlPathEqualTo(secretPath)).willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()));
        RunNotifier n = notifier(Map.of("MEDIAHUB_NOTIFY_URL", "http://127.0.0.1:" + hook.port() + secretPath, "MEDIAHUB_NOTIFY_FORMAT", "json"));
        String logged;
        try (LogCapture log = new LogCapture()) {
            n.notify(new FlowOutcome("tmdb-sync-genres", 12, FlowOutcome.Status.FAILED, 5, null, "tmdb-sync-genres failed: boom"));
            logged = log.text();
        }
        hook.verify(1, postRequestedFor(urlPathEqualTo(secretPath))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/json")));
        assertThat(logged).contains("The notification webhook answered 500 for tmdb-sync-genres's run 12").doesNotContain("token");
        assertThat(camel.getEndpoints()).extracting(org.apache.camel.Endpoint::getEndpointUri).noneMatch(u -> u.contains("token"));
        // Camel's own headers (the URL travels in one) are not sent as HTTP headers.
        assertThat(hook.getAllServeEvents().get(0).getRequest().getAllHeaderKeys()).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("camel"));
    }

    @Test
    void anUnreachableWebhookIsLoggedWithoutItsUrl() {
        RunNotifier n = notifier(Map.of("MEDIAHUB_NOTIFY_URL", "http://127.0.0.1:9/hook-secret-token"));
        String logged;
        try (LogCapture log = new LogCapture()) {
            n.notify(new FlowOutcome("f", 1, FlowOutcome.Status.FAILED, 1, null, "f failed: x"));
            logged = log.text();
        }
        assertThat(logged).contains("Could not post f's run 1 to the notification webhook").doesNotContain("hook-secret-token");
    }
}
