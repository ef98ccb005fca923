package io.mediahub.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.FakeMediaServer;
import io.mediahub.testing.RequiresTool;
import io.mediahub.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After filing, the intake tells Emby/Jellyfin (INTAKE_REFRESH_MEDIA_SERVER): the new files, or a whole scan. */
@RequiresTool({"ffmpeg", "ffprobe"})
class MediaServerRefreshIT {
    @TempDir
    Path dir;

    private FakeTmdb tmdb;
    private FakeMediaServer server;
    private Path inbox;


    @BeforeEach
    void setUp() throws Exception {
        tmdb = new FakeTmdb();
        inbox = dir.resolve("data/inbox");
        Files.createDirectories(inbox);
    }

    @AfterEach
    void tearDown() {
        tmdb.close();
        if (server != null) {
            server.close();
        }
    }

    private TestApp start(Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("MEDIAHUB_LIBRARY_DIR", dir.resolve("library").toString());
        env.put("INTAKE_SETTLE_TIME", "0");
        env.putAll(tmdb.env());
        env.put("HTTP_MAX_ATTEMPTS", "1");
        env.put("INTAKE_REFRESH_MEDIA_SERVER", "true");
        env.put("EMBY_API_KEY", FakeMediaServer.API_KEY);
        if (server != null) {
            env.put("EMBY_URL", server.url());
        }
        env.putAll(extra);
        return TestApp.start(dir.resolve("data"), env);
    }

    @Test
    void withTheServersLibraryRootOnlyTheNewFilesAreReportedToEmby() throws Exception {
        server = FakeMediaServer.emby();
        TestMedia.video(inbox.resolve("Fight.Club.1999.1080p.BluRay.x264-GRP.mkv"), 1, 3300, Map.of());
        try (TestApp app = start(Map.of("INTAKE_MEDIA_SERVER_LIBRARY_DIR", "/media/library/"))) {
            FlowOutcome o = app.run("intake-scan-inbox");
            assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
            assertThat(o.result().counter("media_server_notified")).isEqualTo(1);
            assertThat(o.error()).isNull();
        }
        server.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/emby/Library/Media/Updated"))
                .withRequestBody(equalToJson("{\"Updates\":[{\"Path\":\"/media/library/movies/Fight Club (1999)/Fight Club (1999).mkv\","
                        + "\"UpdateType\":\"Created\"}]}")));
        server.wireMock().verify(0, postRequestedFor(urlPathEqualTo("/emby/Library/Refresh")));
    }

    @Test
    void withoutItJellyfinIsAskedToScanItsLibrariesOnceAndARunThatFiledNothingAsksNothing() throws Exception {
        server = FakeMediaServer.jellyfin();
        TestMedia.video(inbox.resolve("Fight.Club.1999.mkv"), 1, 3400, Map.of());
        TestMedia.video(inbox.resolve("Some.Unknown.Film.2011.mkv"), 1, 3500, Map.of());
        try (TestApp app = start(Map.of())) {
            FlowOutcome o = app.run("intake-scan-inbox");
            assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
            assertThat(o.result().counter("identified") + o.result().counter("unidentified")).isEqualTo(2);
            server.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/Library/Refresh")));

            assertThat(app.run("intake-scan-inbox").ok()).isTrue(); // an empty inbox
        }
        server.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/Library/Refresh")));
        server.wireMock().verify(0, postRequestedFor(urlPathEqualTo("/Library/Media/Updated")));
    }

    @Test
    void aServerThatCannotBeReachedLeavesTheFilesFiledAndTheRunOkWithTheReasonRecorded() throws Exception {
        TestMedia.video(inbox.resolve("Fight.Club.1999.mkv"), 1, 3600, Map.of());
        try (TestApp app = start(Map.of("EMBY_URL", "http://127.0.0.1:9", "EMBY_API_KEY", "secret-key-never-printed"))) {
            FlowOutcome o = app.run("intake-scan-inbox");
            assertThat(o.ok()).isTrue();
            assertThat(o.result().counter("identified")).isEqualTo(1);
            assertThat(o.error()).startsWith("the files are filed, but telling the media server failed: Emby at http://127.0.0.1:9")
                    .doesNotContain("secret-key-never-printed");
            assertThat(app.rows("SELECT status, error_text FROM flow_runs WHERE flow_id = 'intake-scan-inbox'")).singleElement()
                    .satisfies(r -> assertThat(r.get("status")).isEqualTo("ok"))
                    .satisfies(r -> assertThat(String.valueOf(r.get("error_text"))).contains("telling the media server failed"));
        }
        assertThat(dir.resolve("library/movies/Fight Club (1999)/Fight Club (1999).mkv")).exists();
    }

    @Test
    void identifyTellsTheServerAboutTheFileItFiled() throws Exception {
        server = FakeMediaServer.emby();
        Path failed = TestMedia.video(inbox.resolve(".failed/Fight.Club.1999.mkv"), 1, 3700, Map.of());
        io.mediahub.testing.CliRunner cli = new io.mediahub.testing.CliRunner();
        Map<String, String> env = new HashMap<>(tmdb.env());
        env.putAll(Map.of("MEDIAHUB_LIBRARY_DIR", dir.resolve("library").toString(), "INTAKE_REFRESH_MEDIA_SERVER", "true", "INTAKE_MEDIA_SERVER_LIBRARY_DIR", "/media", "EMBY_URL", server.url(),
                "EMBY_API_KEY", FakeMediaServer.API_KEY));
        try {
            assertThat(cli.run(() -> TestApp.settings(dir.resolve("data"), env), "identify", failed.toString())).as(cli.stderr()).isZero();
        } finally {
            io.mediahub.cli.MediahubCommand.useSettings(io.mediahub.config.Settings::load);
        }
        assertThat(cli.stdout()).contains("told Emby 4.8.11.0 'fake-emby' at " + server.url() + "/emby about 1 new file");
        server.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/emby/Library/Media/Updated"))
                .withRequestBody(equalToJson("{\"Updates\":[{\"Path\":\"/media/movies/Fight Club (1999)/Fight Club (1999).mkv\","
                        + "\"UpdateType\":\"Created\"}]}")));
    }
}
