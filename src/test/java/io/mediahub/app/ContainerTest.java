package io.mediahub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.FakeMediaServer.Items;
import io.mediahub.testing.TestApp;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The long-running container: schedules fire, health and metrics answer on the loopback port. */
class ContainerTest {
    @TempDir
    Path dir;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void schedulesRunFlowsAndHealthAndMetricsAnswer() throws Exception {
        int port = freePort();
        try (FakeMediaServer emby = FakeMediaServer.emby()) {
            emby.setItems(Items.library(4, 0, 0));
            var settings = TestApp.settings(dir, Map.of("MEDIAHUB_HTTP_PORT", String.valueOf(port), "EMBY_URL", emby.url(),
                    "EMBY_API_KEY", FakeMediaServer.API_KEY, "EMBY_SYNC_LIBRARY_CRON", "* * * * * ?", "STORE_BACKUP_ENABLED", "false"));
            try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.CONTAINER)) {
                app.start();
                assertThat(app.camelContext().getRouteController().getRouteStatus("schedule-trigger-emby-sync-library")).isEqualTo(ServiceStatus.Started);
                // tmdb has no token and backup is switched off: neither has a trigger.
                assertThat(app.camelContext().getRoute("schedule-trigger-tmdb-sync-genres")).isNull();
                assertThat(app.camelContext().getRoute("schedule-trigger-store-backup-database")).isNull();

                await().atMost(Duration.ofSeconds(20)).until(() -> app.runs().last("emby-sync-library").map(r -> "ok".equals(r.status())).orElse(false));
                assertThat(app.runs().last("emby-sync-library").orElseThrow().trigger()).isEqualTo("schedule");

                HttpResponse<String> health = get(port, "/observe/health");
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                assertThat(health.body()).contains("UP");
                HttpResponse<String> ready = get(port, "/observe/health/ready");
                assertThat(ready.body()).contains("store").contains("emby");

                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    HttpResponse<String> metrics = get(port, "/observe/metrics");
                    assertThat(metrics.statusCode()).isEqualTo(200);
                    assertThat(metrics.body()).contains("mediahub_flow_runs_total{flow=\"emby-sync-library\",status=\"ok\"}");
                });
            }
        }
    }

    @Test
    void readinessIsDownWhenAServiceIsUnreachableWhileLivenessStaysUp() throws Exception {
        int port = freePort();
        var settings = TestApp.settings(dir, Map.of("MEDIAHUB_HTTP_PORT", String.valueOf(port), "EMBY_URL", "http://127.0.0.1:9",
                "EMBY_API_KEY", "k", "STORE_BACKUP_ENABLED", "false", "TMDB_READ_ACCESS_TOKEN", "t", "TMDB_SYNC_GENRES_ENABLED", "false"));
        // A bad schedule stops the container before anything starts (it used to run on with that flow unscheduled).
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MediahubApplication.create(settings.with(Map.of("tmdb.sync-genres-cron", "every night")),
                MediahubApplication.Mode.CONTAINER)).isInstanceOf(io.mediahub.config.SettingException.class)
                .hasMessageStartingWith("TMDB_SYNC_GENRES_CRON must be a schedule");
        try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.CONTAINER)) {
            app.start();
            assertThat(app.camelContext().getRoute("schedule-trigger-tmdb-sync-genres")).isNull();
            assertThat(app.camelContext().getRoute("schedule-trigger-emby-sync-library")).isNotNull();
            HttpResponse<String> ready = get(port, "/observe/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("emby").contains("DOWN");
            assertThat(get(port, "/observe/health/live").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aHealthPortInUseStopsTheContainerWithOneLineInsteadOfRunningWithoutHealth() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            var settings = TestApp.settings(dir, Map.of("MEDIAHUB_HTTP_PORT", String.valueOf(port)));
            try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.CONTAINER)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(app::start).isInstanceOf(io.mediahub.config.SettingException.class)
                        .hasMessageStartingWith("127.0.0.1:" + port + " cannot be used for health and metrics (")
                        .hasMessageEndingWith("is another Mediahub running? Stop it, or set MEDIAHUB_HTTP_PORT (or MEDIAHUB_HTTP_HOST)");
            }
            // One-shot commands (run, identify, …) do not serve HTTP and are not held up by the port.
            try (MediahubApplication once = MediahubApplication.create(settings, MediahubApplication.Mode.ONE_SHOT)) {
                once.start();
            }
        }
    }
}
