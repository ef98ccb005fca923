package io.mediahub.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.TestApp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A one-flow command creates the routes its flow uses when they are first called, and no others. */
class RoutesOnFirstUseTest {
    @TempDir
    Path dir;

    @Test
    void aFlowsRouteIsCreatedWhenTheRunnerFirstCallsItAndTheOtherFlowsRoutesNever() throws Exception {
        try (MediahubApplication app = MediahubApplication.create(TestApp.settings(dir, Map.of()), MediahubApplication.Mode.ONE_SHOT)) {
            app.routesOnFirstUse().start();
            assertThat(app.camelContext().getRoute("store-backup-database")).isNull();
            assertThat(app.camelContext().getRoute("tmdb-call-api")).isNull();

            FlowOutcome outcome = app.runner().run("store-backup-database", "cli", Map.of());

            assertThat(outcome.status()).isEqualTo(FlowOutcome.Status.OK);
            assertThat(app.camelContext().getRoute("store-backup-database")).isNotNull();
            assertThat(app.runner().run("store-backup-database", "cli", Map.of()).status()).isEqualTo(FlowOutcome.Status.OK);
            assertThat(app.camelContext().getRoute("emby-sync-library")).isNull();
            assertThat(app.camelContext().getRoute("tmdb-call-api")).isNull();
        }
    }

    @Test
    void aRouteAFlowCallsIsCreatedOnItsFirstCallWithTheSharedErrorPolicy() throws Exception {
        // tmdb-sync-genres calls direct:tmdb-call-api; the failure is still turned into the one-line message.
        Map<String, String> env = Map.of("TMDB_READ_ACCESS_TOKEN", "t", "TMDB_API_URL", "http://127.0.0.1:9/3", "HTTP_MAX_ATTEMPTS", "1");
        try (MediahubApplication app = MediahubApplication.create(TestApp.settings(dir, env), MediahubApplication.Mode.ONE_SHOT)) {
            app.routesOnFirstUse().start();

            FlowOutcome outcome = app.runner().run("tmdb-sync-genres", "cli", Map.of());

            assertThat(outcome.status()).isEqualTo(FlowOutcome.Status.FAILED);
            assertThat(outcome.error()).contains("TMDb at http://127.0.0.1:9/3 is unreachable");
            assertThat(app.camelContext().getRoute("tmdb-call-api")).isNotNull();
        }
    }

    @Test
    void withoutItEveryRouteStartsWithCamel() throws Exception {
        try (TestApp app = TestApp.start(dir, Map.of())) {
            assertThat(app.app().camelContext().getRoute("store-backup-database")).isNotNull();
            assertThat(app.app().camelContext().getRoute("tmdb-call-api")).isNotNull();
        }
    }
}
