package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahub.app.MediahubApplication;
import io.mediahub.testing.RequiresTool;
import io.mediahub.testing.TestApp;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container's intake-watch-inbox: a drop is filed once it has settled, and the run is recorded as a watch run. */
@RequiresTool({"ffmpeg", "ffprobe"})
class IntakeWatchIT {
    @TempDir
    Path dir;


    @Test
    void theContainerFilesADropOnceItHasSettled() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path made = TestMedia.video(dir.resolve("work/Some.Movie.2020.mkv"), 1, 2000, Map.of());
        var settings = TestApp.settings(dir.resolve("data"), Map.of("MEDIAHUB_HTTP_PORT", String.valueOf(port), "STORE_BACKUP_ENABLED", "false",
                "MEDIAHUB_LIBRARY_DIR", dir.resolve("library").toString(), "INTAKE_WATCH_INTERVAL", "0.2", "INTAKE_SETTLE_TIME", "0.5"));
        try (MediahubApplication app = MediahubApplication.create(settings, MediahubApplication.Mode.CONTAINER)) {
            app.start();
            assertThat(app.camelContext().getRoute("intake-watch-inbox")).isNotNull();
            Path inbox = dir.resolve("data/inbox");
            Files.createDirectories(inbox);
            Files.write(inbox.resolve("Some.Movie.2020.mkv.part"), Files.readAllBytes(made));
            Files.move(inbox.resolve("Some.Movie.2020.mkv.part"), inbox.resolve("Some.Movie.2020.mkv"));

            Path filed = dir.resolve("library/movies/Some Movie (2020)/Some Movie (2020).mkv");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(filed));
            await().atMost(Duration.ofSeconds(10)).until(() -> app.runs().last("intake-scan-inbox").map(r -> "ok".equals(r.status())).orElse(false));
            assertThat(app.runs().last("intake-scan-inbox").orElseThrow().trigger()).isEqualTo("watch");
            assertThat(inbox.resolve("Some.Movie.2020.mkv")).doesNotExist();
        }
    }
}
