package io.mediahub.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.RequiresTool;
import io.mediahub.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audio path of intake-scan-inbox on mp3s made by ffmpeg, fingerprinted by the real fpcalc, probed and re-tagged by
 * the real ffprobe and ffmpeg, against AcoustID, MusicBrainz and the Cover Art Archive faked from their real example
 * answers ({@link FakeMusicServices}).
 */
@RequiresTool({"ffmpeg", "ffprobe", "fpcalc"})
class MusicIntakeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTACT = "ops@example.org";
    private static final String ALBUM_DIR = "music/Pink Floyd/The Dark Side of the Moon (1973)";

    @TempDir
    Path dir;

    private FakeMusicServices fake;
    private IntakeRun run;
    private TestApp app;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();


    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeMusicServices(5000);
        run = new IntakeRun(dir);
    }

    @AfterEach
    void tearDown() {
        run.close();
        fake.close();
    }

    private void start(Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ACOUSTID_API_KEY", FakeMusicServices.KEY);
        env.put("ACOUSTID_API_URL", fake.url());
        env.put("MUSICBRAINZ_API_URL", fake.url());
        env.put("MUSICBRAINZ_CONTACT", CONTACT);
        // The throttle's pacing is MusicBrainzClientTest's; here it would only make the test wait.
        env.put("MUSICBRAINZ_REQUEST_INTERVAL", "0");
        env.put("INTAKE_COVERART_URL", fake.url());
        app = run.start(env, extra);
    }

    /** Runs the flow with stderr (where the log goes) captured. */
    private FlowOutcome scan() {
        PrintStream real = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            return run.scan();
        } finally {
            System.setErr(real);
        }
    }

    private static List<String> tree(Path root) throws Exception {
        return IntakeRun.tree(root);
    }

    private static Map<String, String> tagsOf(Path file) throws Exception {
        return new MediaProbe("ffprobe", "mediainfo", Duration.ofSeconds(60), JSON).probe(file).tags();
    }

    private Map<String, Object> row() throws Exception {
        return app.rows("SELECT * FROM media").get(0);
    }

    @Test
    void aFingerprintMatchIsFiledUnderMusicBrainzsReleaseWithItsCoverAndNewTags() throws Exception {
        Path drop = TestMedia.audio(run.inbox.resolve("track04.mp3"), 5, 440, Map.of("title", "track04", "artist", "Unknown", "track", "4/10"));
        String droppedHash = FileMover.sha256(drop);
        start(Map.of());

        scan();

        Path filed = run.library.resolve(ALBUM_DIR + "/04 - Time.mp3");
        assertThat(tree(run.library)).containsExactly(ALBUM_DIR + "/04 - Time.mediahub.json", ALBUM_DIR + "/04 - Time.mp3", ALBUM_DIR + "/cover.jpg");
        assertThat(Files.readAllBytes(run.library.resolve(ALBUM_DIR + "/cover.jpg"))).isEqualTo(FakeMusicServices.JPEG);
        assertThat(tagsOf(filed)).containsEntry("title", "Time").containsEntry("artist", "Pink Floyd").containsEntry("album_artist", "Pink Floyd")
                .containsEntry("album", "The Dark Side of the Moon").containsEntry("track", "4/10").containsEntry("date", "1973-03-24")
                .containsEntry("musicbrainz track id", FakeMusicServices.TIME)
                .containsEntry("musicbrainz album id", FakeMusicServices.DARK_SIDE)
                .containsEntry("acoustid id", FakeMusicServices.ACOUSTID_TRACK);
        assertThat(row()).containsEntry("kind", "music").containsEntry("status", "identified").containsEntry("method", "acoustid")
                .containsEntry("artist", "Pink Floyd").containsEntry("album", "The Dark Side of the Moon").containsEntry("title", "Time")
                .containsEntry("year", 1973).containsEntry("path", ALBUM_DIR + "/04 - Time.mp3").containsEntry("error_text", null)
                .containsEntry("content_hash", droppedHash);

        JsonNode id = JSON.readTree(run.library.resolve(ALBUM_DIR + "/04 - Time.mediahub.json").toFile()).path("identification");
        assertThat(id.path("method").asText()).isEqualTo("acoustid");
        assertThat(id.path("fingerprint").path("duration_seconds").asDouble()).isBetween(4.5, 5.5);
        assertThat(id.path("acoustid").path("id").asText()).isEqualTo(FakeMusicServices.ACOUSTID_TRACK);
        assertThat(id.path("acoustid").path("score").asDouble()).isEqualTo(0.946796);
        assertThat(id.path("musicbrainz").path("recording_id").asText()).isEqualTo(FakeMusicServices.TIME);
        assertThat(id.path("musicbrainz").path("release_id").asText()).isEqualTo(FakeMusicServices.DARK_SIDE);
        assertThat(id.path("track_count").path("tracks").asInt()).isEqualTo(10);
        JsonNode choice = id.path("release_choice").path("releases");
        assertThat(id.path("release_choice").path("from").asText()).isEqualTo("musicbrainz");
        // Best first: the first pressing (earlier, same score 12) is rejected by the 15 s rule, the album is chosen;
        // the compilation and the single have the wrong track count.
        assertThat(choice.get(0).path("release_id").asText()).isEqualTo(FakeMusicServices.FIRST_PRESSING);
        assertThat(choice.get(0).path("score").asInt()).isEqualTo(12);
        assertThat(choice.get(0).path("rejected").asText()).matches("durations differ by 404\\.\\d s on average \\(more than 15 s\\)");
        assertThat(choice.get(1).path("release_id").asText()).isEqualTo(FakeMusicServices.DARK_SIDE);
        assertThat(choice.get(1).path("chosen").asBoolean()).isTrue();
        assertThat(choice.get(2).path("score").asInt()).isEqualTo(-25);
        assertThat(choice.get(3).path("score").asInt()).isEqualTo(-25);
        assertThat(id.path("tags").path("written").path("title").asText()).isEqualTo("Time");

        fake.server.verify(postRequestedFor(urlPathEqualTo("/v2/lookup")).withRequestBody(containing("client=" + FakeMusicServices.KEY))
                .withRequestBody(containing("meta=recordings+releasegroups+releases+tracks+compress")).withRequestBody(containing("fingerprint=")));
        fake.server.verify(getRequestedFor(urlPathMatching("/ws/2/.*"))
                .withHeader("User-Agent", matching("Mediahub/\\S+ \\( " + CONTACT.replace(".", "\\.") + " \\)")));
        fake.server.verify(0, getRequestedFor(urlPathEqualTo("/ws/2/release/" + FakeMusicServices.FIRST_PRESSING)));
        // The key went in the form body only: never a URL, the sidecar, the table or the log.
        assertThat(fake.server.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getUrl()).doesNotContain(FakeMusicServices.KEY));
        assertThat(Files.readString(run.library.resolve(ALBUM_DIR + "/04 - Time.mediahub.json"))).doesNotContain(FakeMusicServices.KEY);
        assertThat(app.rows("SELECT * FROM media").toString()).doesNotContain(FakeMusicServices.KEY);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("04 - Time.mp3 (identified)").doesNotContain(FakeMusicServices.KEY);
    }

    @Test
    void aMatchScoringUnderPointSixIsIgnoredAndTheFileIsFiledByItsTags() throws Exception {
        fake.acoustIdScores(0.42);
        Path drop = TestMedia.audio(run.inbox.resolve("track03.mp3"), 5, 330, Map.of("artist", "The Testers", "album", "Signals", "title", "Sine",
                "track", "3/10", "date", "2019"));
        String hash = FileMover.sha256(drop);
        start(Map.of());

        scan();

        Path filed = run.library.resolve("music/The Testers/Signals (2019)/03 - Sine.mp3");
        assertThat(tree(run.library)).containsExactly("music/The Testers/Signals (2019)/03 - Sine.mediahub.json",
                "music/The Testers/Signals (2019)/03 - Sine.mp3");
        assertThat(FileMover.sha256(filed)).as("its tags are left alone").isEqualTo(hash);
        assertThat(row()).containsEntry("status", "identified").containsEntry("method", "tags").containsEntry("error_text",
                "AcoustID's best match (" + FakeMusicServices.ACOUSTID_TRACK + ") scored 0.42, under 0.6; "
                        + "MusicBrainz's release search found no 'Signals' with 10 tracks; filed by its tags");
        JsonNode id = JSON.readTree(run.library.resolve("music/The Testers/Signals (2019)/03 - Sine.mediahub.json").toFile()).path("identification");
        assertThat(id.path("acoustid").path("ignored").asText()).isEqualTo("score under 0.6");
        assertThat(id.path("name_search").path("album").asText()).isEqualTo("Signals");
        fake.server.verify(0, getRequestedFor(urlPathMatching("/ws/2/recording/.*")));
        fake.server.verify(getRequestedFor(urlPathEqualTo("/ws/2/release")).withQueryParam("query",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("release:\"Signals\" AND artist:\"The Testers\"")));
    }

    @Test
    void withoutTagsOrAMatchTheFileIsFiledByItsNameAsUnidentified() throws Exception {
        fake.acoustIdAnswers("{\"status\":\"ok\",\"results\":[]}");
        TestMedia.audio(run.inbox.resolve("Some Song.mp3"), 5, 550, Map.of());
        start(Map.of());

        scan();

        assertThat(tree(run.library)).containsExactly("music/Unknown Artist/Unknown Album/Some Song.mediahub.json",
                "music/Unknown Artist/Unknown Album/Some Song.mp3");
        assertThat(tree(run.inbox)).isEmpty();
        assertThat(row()).containsEntry("status", "unidentified").containsEntry("method", "parsed-name").containsEntry("title", "Some Song")
                .containsEntry("error_text", "AcoustID knows no track with this fingerprint; no artist and title tags; filed by its name");
    }

    @Test
    void anAlbumTagIsSearchedByNameWhenTheFingerprintFindsNothing() throws Exception {
        fake.acoustIdAnswers("{\"status\":\"ok\",\"results\":[]}");
        TestMedia.audio(run.inbox.resolve("dsotm-04.mp3"), 5, 660, Map.of("artist", "Pink Floyd", "album", "The Dark Side of the Moon",
                "title", "time", "track", "4/10"));
        start(Map.of());

        scan();

        assertThat(tree(run.library)).contains(ALBUM_DIR + "/04 - Time.mp3", ALBUM_DIR + "/cover.jpg");
        assertThat(row()).containsEntry("status", "identified").containsEntry("method", "musicbrainz-name")
                .containsEntry("error_text", "AcoustID knows no track with this fingerprint");
        assertThat(tagsOf(run.library.resolve(ALBUM_DIR + "/04 - Time.mp3"))).containsEntry("title", "Time")
                .containsEntry("musicbrainz track id", FakeMusicServices.TIME);
    }

    @Test
    void whenAcoustIdIsDownTheFileIsFiledByItsTagsAndTheReasonSaysSo() throws Exception {
        fake.acoustIdFails(503);
        TestMedia.audio(run.inbox.resolve("b.mp3"), 5, 770, Map.of("artist", "The Testers", "title", "Down", "album", "Untitled"));
        start(Map.of());

        scan();

        assertThat(tree(run.library)).contains("music/The Testers/Untitled/Down.mp3");
        assertThat(row()).containsEntry("status", "identified").containsEntry("method", "tags").containsEntry("error_text",
                "AcoustID at " + fake.url() + " answered 503 Service Unavailable after 2 attempts; the album tag 'Untitled' is too generic "
                        + "to search MusicBrainz by name; filed by its tags");
        fake.server.verify(2, postRequestedFor(urlPathEqualTo("/v2/lookup")));
        fake.server.verify(0, getRequestedFor(urlPathMatching("/ws/2/.*")));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("answered 503").doesNotContain(FakeMusicServices.KEY);
    }

    @Test
    void whenFfmpegCannotRewriteTheTagsTheFileKeepsItsOwnAndTheReasonIsRecorded() throws Exception {
        Path drop = TestMedia.audio(run.inbox.resolve("track04.mp3"), 5, 440, Map.of("title", "track04", "track", "4/10"));
        String hash = FileMover.sha256(drop);
        start(Map.of("INTAKE_FFMPEG", "false"));

        scan();

        Path filed = run.library.resolve(ALBUM_DIR + "/04 - Time.mp3");
        assertThat(tree(run.library)).containsExactly(ALBUM_DIR + "/04 - Time.mediahub.json", ALBUM_DIR + "/04 - Time.mp3", ALBUM_DIR + "/cover.jpg");
        assertThat(FileMover.sha256(filed)).isEqualTo(hash);
        assertThat(tagsOf(filed)).containsEntry("title", "track04");
        assertThat(row()).containsEntry("status", "identified").containsEntry("method", "acoustid")
                .containsEntry("error_text", "its tags could not be rewritten (false exited with 1); it keeps its own");
    }

    @Test
    void withoutMusicBrainzAcoustIdsOwnReleaseListIsUsed() throws Exception {
        TestMedia.audio(run.inbox.resolve("track04.mp3"), 5, 440, Map.of());
        start(Map.of("MUSICBRAINZ_API_URL", "", "INTAKE_REWRITE_TAGS", "false"));

        scan();

        // AcoustID's example lists only compilations for the recording; the earliest of those scoring best wins.
        Map<String, Object> row = row();
        assertThat(row).containsEntry("status", "identified").containsEntry("method", "acoustid").containsEntry("title", "Time")
                .containsEntry("error_text", "MUSICBRAINZ_API_URL is empty; AcoustID's own release list was used");
        assertThat(row).containsEntry("path", "music/Various Artists/25 jaar Top 40 Hits, deel 2 - ’69–’72 (1989)/07 - Time.mp3");
        fake.server.verify(0, getRequestedFor(urlPathMatching("/ws/2/.*")));
        // The Cover Art Archive has no cover for that release (the fake answers 404): noted, the file filed all the same.
        JsonNode side = JSON.readTree(run.library.resolve("music/Various Artists/25 jaar Top 40 Hits, deel 2 - ’69–’72 (1989)/07 - Time.mediahub.json")
                .toFile());
        assertThat(side.path("artwork").path("cover_error").asText()).contains("answered 404");
        assertThat(side.path("identification").path("release_choice").path("from").asText()).isEqualTo("acoustid");
    }
}
