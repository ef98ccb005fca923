package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.store.Dialect;
import io.mediahub.testing.RequiresTool;
import io.mediahub.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import io.mediahub.testing.MySqlDatabase;
import org.junit.jupiter.api.io.TempDir;

/** The intake on a MySQL/MariaDB store: V4 migrates, a drop is filed, a duplicate recorded, the library scan agrees. */
@RequiresTool({"ffmpeg", "ffprobe"})
class IntakeMySqlIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final MySqlDatabase mysql = new MySqlDatabase();

    @Test
    void aDropIsFiledAndADuplicateRecordedOnMySql() throws Exception {
        Path inbox = dir.resolve("data/inbox");
        Path first = TestMedia.video(inbox.resolve("Some.Movie.2020.mkv"), 1, 4000, Map.of());
        Path copy = dir.resolve("copy.mkv");
        Files.copy(first, copy);
        Map<String, String> env = new java.util.HashMap<>(mysql.storeEnv());
        env.putAll(Map.of("MEDIAHUB_LIBRARY_DIR", dir.resolve("library").toString(), "INTAKE_SETTLE_TIME", "0"));
        try (TestApp app = TestApp.start(dir.resolve("data"), env)) {
            assertThat(app.app().store().dialect()).isEqualTo(Dialect.MYSQL);
            assertThat(app.run("intake-scan-inbox").ok()).isTrue();
            Files.copy(copy, inbox.resolve("Some Movie copy.mkv"));
            FlowOutcome again = app.run("intake-scan-inbox");
            assertThat(again.ok()).as(String.valueOf(again.error())).isTrue();
            var rows = app.rows("SELECT path, status, year, width FROM media ORDER BY media_id");
            assertThat(rows).extracting(r -> r.get("status")).containsExactly("unidentified", "duplicate");
            assertThat(rows.get(0)).containsEntry("path", "movies/Some Movie (2020)/Some Movie (2020).mkv").containsEntry("year", 2020)
                    .containsEntry("width", 64);
            assertThat(rows.get(1)).containsEntry("path", null);
            FlowOutcome scan = app.run("library-scan");
            assertThat(scan.ok()).as(String.valueOf(scan.error())).isTrue();
            assertThat(scan.result().written()).isZero();
        }
    }
}
