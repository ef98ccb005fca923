package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.RequiresTool;
import io.mediahub.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * intake-scan-inbox and library-scan on real media made by ffmpeg, probed by the real ffprobe, identified against
 * a fake TMDb serving the spec's examples: one test per rule of the issue.
 */
@RequiresTool({"ffmpeg", "ffprobe"})
class IntakeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeTmdb tmdb;
    private IntakeRun run;
    private TestApp app;
    private Path inbox;
    private Path library;


    @BeforeEach
    void setUp() throws Exception {
        tmdb = new FakeTmdb();
        run = new IntakeRun(dir);
        inbox = run.inbox;
        library = run.library;
    }

    @AfterEach
    void tearDown() {
        run.close();
        tmdb.close();
    }

    private TestApp start(Map<String, String> extra) throws Exception {
        app = run.start(tmdb.env(), extra);
        return app;
    }

    private FlowOutcome scan() {
        return run.scan();
    }

    private static List<String> tree(Path root) throws Exception {
        return IntakeRun.tree(root);
    }

    @Test
    void aMovieIsIdentifiedFiledWithArtworkSidecarAndRow() throws Exception {
        TestMedia.video(inbox.resolve("Fight.Club.1999.1080p.BluRay.x264-GRP.mkv"), 3, 440, Map.of("title", "Fight Club"));
        start(Map.of());

        FlowOutcome o = scan();

        assertThat(tree(library)).containsExactly("movies/Fight Club (1999)/Fight Club (1999).mediahub.json",
                "movies/Fight Club (1999)/Fight Club (1999).mkv", "movies/Fight Club (1999)/backdrop.jpg", "movies/Fight Club (1999)/poster.jpg");
        assertThat(tree(inbox)).isEmpty();
        assertThat(o.result().written()).isEqualTo(1);
        Map<String, Object> row = app.rows("SELECT * FROM media").get(0);
        assertThat(row).containsEntry("status", "identified").containsEntry("kind", "movie").containsEntry("title", "Fight Club")
                .containsEntry("year", 1999).containsEntry("tmdb_id", 550).containsEntry("imdb_id", "tt0137523")
                .containsEntry("video_codec", "h264").containsEntry("audio_codec", "aac").containsEntry("width", 64).containsEntry("height", 48)
                .containsEntry("path", "movies/Fight Club (1999)/Fight Club (1999).mkv").containsEntry("method", "tmdb-movie");
        assertThat(((Number) row.get("duration_seconds")).doubleValue()).isBetween(2.5, 3.5);
        assertThat((String) row.get("content_hash")).hasSize(64);
        JsonNode side = JSON.readTree(library.resolve("movies/Fight Club (1999)/Fight Club (1999).mediahub.json").toFile());
        assertThat(side.path("parsed_name").path("release_group").asText()).isEqualTo("GRP");
        assertThat(side.path("probe").path("videoCodec").asText()).isEqualTo("h264");
        assertThat(side.path("identification").path("tmdb").path("director").asText()).isEqualTo("David Fincher");
        assertThat(side.path("identification").path("tmdb").path("cast").toString()).contains("Brad Pitt");
        assertThat(side.path("artwork").path("poster").asText()).isEqualTo("movies/Fight Club (1999)/poster.jpg");
        assertThat(Files.readAllBytes(library.resolve("movies/Fight Club (1999)/poster.jpg"))).isEqualTo(FakeTmdb.JPEG);
        tmdb.server.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/t/p/w500" + FakeTmdb.FIGHT_CLUB_POSTER)));
    }

    @Test
    void aSeasonFolderIsOneReleaseWithSubtitlesSamplesAndLeftovers() throws Exception {
        Path release = inbox.resolve("Breaking.Bad.S01.720p.HDTV.x264-GRP");
        TestMedia.video(release.resolve("Breaking.Bad.S01E02.720p.HDTV.x264-GRP.mkv"), 2, 500, Map.of());
        Files.writeString(release.resolve("Breaking.Bad.S01E02.720p.HDTV.x264-GRP.en.srt"), "1\n00:00:00,000 --> 00:00:01,000\nHi\n");
        TestMedia.video(release.resolve("Sample/sample-bb.mkv"), 1, 600, Map.of());
        Files.writeString(release.resolve("release.nfo"), "nfo");
        start(Map.of());

        scan();

        String base = "tv/Breaking Bad (2008)/Season 01/Breaking Bad (2008) - S01E02 - Cat's in the Bag";
        assertThat(tree(library)).containsExactly("tv/Breaking Bad (2008)/Season 01/Breaking Bad (2008) - S01E02 - Cat's in the Bag.en.srt",
                base + ".mediahub.json", base + ".mkv", "tv/Breaking Bad (2008)/backdrop.jpg", "tv/Breaking Bad (2008)/poster.jpg");
        assertThat(tree(inbox)).containsExactly(".failed/Breaking.Bad.S01.720p.HDTV.x264-GRP/Sample/sample-bb.mkv",
                ".failed/Breaking.Bad.S01.720p.HDTV.x264-GRP/Sample/sample-bb.mkv.error.txt",
                ".failed/Breaking.Bad.S01.720p.HDTV.x264-GRP/release.nfo", ".failed/Breaking.Bad.S01.720p.HDTV.x264-GRP/release.nfo.error.txt");
        assertThat(Files.readString(inbox.resolve(".failed/Breaking.Bad.S01.720p.HDTV.x264-GRP/Sample/sample-bb.mkv.error.txt"))).contains("sample");
        assertThat(app.rows("SELECT kind, title, year, season, episode, episode_title, tmdb_id, imdb_id, status, method FROM media").get(0))
                .containsEntry("kind", "episode").containsEntry("title", "Breaking Bad").containsEntry("season", 1).containsEntry("episode", 2)
                .containsEntry("episode_title", "Cat's in the Bag...").containsEntry("tmdb_id", 1396).containsEntry("imdb_id", "tt0903747")
                .containsEntry("status", "identified").containsEntry("method", "tmdb-tv");
    }

    @Test
    void withoutATokenAFileIsStillFiledByItsNameAndMarkedUnidentified() throws Exception {
        TestMedia.video(inbox.resolve("Some.Home.Movie.2021.mkv"), 1, 700, Map.of());
        start(Map.of("TMDB_READ_ACCESS_TOKEN", ""));

        scan();

        assertThat(tree(library)).contains("movies/Some Home Movie (2021)/Some Home Movie (2021).mkv");
        assertThat(app.rows("SELECT status, error_text, method FROM media").get(0)).containsEntry("status", "unidentified")
                .containsEntry("error_text", "TMDB_READ_ACCESS_TOKEN is not set").containsEntry("method", "parsed-name");
    }

    @Test
    void aWeakMatchIsNotTakenAndTheReasonNamesTheBestResult() throws Exception {
        TestMedia.video(inbox.resolve("Fight Club Zombies Attack.mkv"), 1, 710, Map.of());
        start(Map.of());

        scan();

        Map<String, Object> row = app.rows("SELECT status, error_text, tmdb_id FROM media").get(0);
        assertThat(row).containsEntry("status", "unidentified").containsEntry("tmdb_id", null);
        assertThat((String) row.get("error_text")).contains("TMDb's best match 'Fight Club' (id 550, 1999) is not close enough");
    }

    @Test
    void severalCandidatesAreSettledByTheClosestRuntime() throws Exception {
        TestMedia.video(inbox.resolve("Florence Fight Club.mkv"), 2, 720, Map.of());
        start(Map.of());

        scan();

        assertThat(app.rows("SELECT tmdb_id, year, method FROM media").get(0)).containsEntry("tmdb_id", 104782).containsEntry("year", 2010)
                .containsEntry("method", "tmdb-movie-runtime");
    }

    @Test
    void aSecondCopyOfTheSameContentIsADuplicateLeftInFailed() throws Exception {
        Path first = TestMedia.video(inbox.resolve("Fight.Club.1999.mkv"), 1, 800, Map.of());
        Path copy = dir.resolve("copy.mkv");
        Files.copy(first, copy);
        start(Map.of());
        scan();
        Files.copy(copy, inbox.resolve("Fight Club (1999) copy.mkv"));

        FlowOutcome o = scan();

        assertThat(o.result().counter("duplicates")).isEqualTo(1);
        assertThat(tree(inbox)).containsExactly(".failed/Fight Club (1999) copy.mkv", ".failed/Fight Club (1999) copy.mkv.error.txt");
        assertThat(Files.readString(inbox.resolve(".failed/Fight Club (1999) copy.mkv.error.txt")))
                .contains("a duplicate: the same content is already in the library as movies/Fight Club (1999)/Fight Club (1999).mkv");
        assertThat(app.rows("SELECT status FROM media ORDER BY media_id")).extracting(r -> r.get("status")).containsExactly("identified", "duplicate");
        assertThat(tree(library)).filteredOn(p -> p.endsWith(".mkv")).hasSize(1);
    }

    @Test
    void aDifferentFileWithTheSameTargetNameGetsTheSuffix() throws Exception {
        TestMedia.video(inbox.resolve("Fight.Club.1999.720p.mkv"), 1, 900, Map.of());
        TestMedia.video(inbox.resolve("Fight.Club.1999.1080p.mkv"), 1, 910, Map.of());
        TestMedia.video(inbox.resolve("Fight.Club.1999.2160p.mkv"), 1, 920, Map.of());
        start(Map.of());

        scan();

        assertThat(tree(library)).filteredOn(p -> p.endsWith(".mkv")).containsExactly("movies/Fight Club (1999)/Fight Club (1999) (2).mkv",
                "movies/Fight Club (1999)/Fight Club (1999) (3).mkv", "movies/Fight Club (1999)/Fight Club (1999).mkv");
        assertThat(tree(library)).contains("movies/Fight Club (1999)/Fight Club (1999) (2).mediahub.json");
    }

    @Test
    void partialDownloadsHiddenFilesAndUnsettledDropsAreLeftAlone() throws Exception {
        Files.writeString(inbox.resolve("Movie.2020.mkv.part"), "partial");
        Files.writeString(inbox.resolve("Movie.2020.mkv.crdownload"), "partial");
        Files.writeString(inbox.resolve("Movie.2020.mkv.!qB"), "partial");
        Files.writeString(inbox.resolve(".hidden.mkv"), "hidden");
        Path growing = inbox.resolve("Season.Pack");
        Files.createDirectories(growing);
        Files.writeString(growing.resolve("Show.S01E01.mkv.part"), "partial");
        TestMedia.video(inbox.resolve("Fresh.2020.mkv"), 1, 1000, Map.of());
        TestMedia.settle(growing.resolve("Show.S01E01.mkv.part"));
        TestMedia.settle(growing);
        start(Map.of("INTAKE_SETTLE_TIME", "3600"));
        TestMedia.settle(inbox.resolve("Movie.2020.mkv.part"));

        FlowOutcome o = scan();

        assertThat(tree(library)).isEmpty();
        assertThat(tree(inbox)).containsExactlyInAnyOrder(".hidden.mkv", "Fresh.2020.mkv", "Movie.2020.mkv.!qB", "Movie.2020.mkv.crdownload",
                "Movie.2020.mkv.part", "Season.Pack/Show.S01E01.mkv.part");
        assertThat(o.result().counter("not_settled")).isEqualTo(2);
    }

    @Test
    void hostileNamesAreFiledSafelyUnderTheLibraryRoot() throws Exception {
        List<String> names = List.of("--help.mkv", "-rf.mkv", "$(touch PWNED).mkv", "`touch PWNED2`.mkv", "a; rm -rf ~ ;.mkv",
                "line\nbreak.mkv", "Wh<o>:is\"this|?.mkv", "  spaced  .mkv", "file:evil.mkv");
        int hz = 1100;
        for (String n : names) {
            TestMedia.video(inbox.resolve(n), 1, hz += 10, Map.of());
        }
        // A name that is not valid UTF-8 (bytes 0xFF 0xFE), made by the shell since Java strings cannot hold it.
        Path raw = TestMedia.video(inbox.resolve("raw.mkv"), 1, hz + 10, Map.of());
        new ProcessBuilder("bash", "-c", "mv -- \"$1\" \"$2\"$'\\xff\\xfe'.mkv", "mv", raw.toString(), inbox.toString() + "/bad")
                .inheritIO().start().waitFor();
        start(Map.of("TMDB_READ_ACCESS_TOKEN", ""));

        FlowOutcome o = scan();

        assertThat(o.result().written()).as(String.valueOf(o.result())).isEqualTo(names.size() + 1);
        assertThat(tree(inbox)).isEmpty();
        List<String> filed = tree(library).stream().filter(p -> p.endsWith(".mkv")).toList();
        assertThat(filed).hasSize(names.size() + 1);
        for (String p : filed) {
            assertThat(library.resolve(p).normalize()).startsWith(library);
            assertThat(p).doesNotContain("\n").doesNotContain("/-").doesNotContain("..").doesNotContain(":").doesNotContain("?");
        }
        assertThat(dir.resolve("PWNED")).doesNotExist();
        assertThat(Path.of("PWNED")).doesNotExist();
        assertThat(app.count("SELECT COUNT(*) FROM media WHERE status = 'unidentified'")).isEqualTo(names.size() + 1);
        assertThat(app.count("SELECT COUNT(*) FROM media WHERE source_name LIKE 'bad__.mkv'")).isEqualTo(1);
    }

    @Test
    void notMediaCorruptMediaAndOversizedDropsGoToFailedWithTheReason() throws Exception {
        Files.writeString(inbox.resolve("notes.txt"), "not media");
        Files.write(inbox.resolve("Broken.2020.mkv"), new byte[4096]);
        TestMedia.video(inbox.resolve("Big.2020.mkv"), 3, 1300, Map.of());
        start(Map.of("INTAKE_MAX_FILE_SIZE", "3K"));
        Files.write(inbox.resolve("Broken.2020.mkv"), new byte[2048]);

        scan();

        assertThat(tree(library)).isEmpty();
        assertThat(Files.readString(inbox.resolve(".failed/notes.txt.error.txt"))).contains("not a video or audio file")
                .contains("(or run: java -jar target/mediahub.jar identify PATH)");
        assertThat(Files.readString(inbox.resolve(".failed/Broken.2020.mkv.error.txt"))).contains("the probe could not read it: ffprobe exited with");
        assertThat(Files.readString(inbox.resolve(".failed/Big.2020.mkv.error.txt"))).contains("more than INTAKE_MAX_FILE_SIZE allows (3072 bytes)");
        assertThat(app.rows("SELECT source_name, status, error_text FROM media ORDER BY source_name")).extracting(r -> r.get("status"))
                .containsExactly("failed", "failed");
    }

    @Test
    void aFailureMidCopyLeavesNothingInTheLibraryAndTheFileInFailed() throws Exception {
        TestMedia.video(inbox.resolve("Fight.Club.1999.mkv"), 4, 1400, Map.of());
        start(Map.of());
        app.app().bean("intakeScanInbox", InboxIntake.class).useMover(FileMoverTest.failingMover(1000));

        scan();

        assertThat(tree(library)).noneMatch(p -> p.endsWith(".mkv") || p.contains("partial"));
        assertThat(tree(inbox)).containsExactly(".failed/Fight.Club.1999.mkv", ".failed/Fight.Club.1999.mkv.error.txt");
        assertThat(Files.readString(inbox.resolve(".failed/Fight.Club.1999.mkv.error.txt"))).contains("moving it into the library failed")
                .contains("disk full");
        assertThat(app.rows("SELECT status, path FROM media").get(0)).containsEntry("status", "failed").containsEntry("path", null);
    }

    @Test
    void aRestartBetweenLinkingAndRemovingFinishesTheMoveWithoutADuplicate() throws Exception {
        TestMedia.video(inbox.resolve("Fight.Club.1999.mkv"), 1, 1500, Map.of());
        start(Map.of());
        InboxIntake intake = app.app().bean("intakeScanInbox", InboxIntake.class);
        intake.useMover(new FileMover() {
            @Override
            public How move(Path source, Path target, String hash) throws java.io.IOException {
                Files.createDirectories(target.getParent());
                Files.createLink(target, source);
                throw new IllegalStateException("the process was killed here");
            }
        });
        assertThat(app.run("intake-scan-inbox").ok()).isFalse();
        assertThat(app.rows("SELECT status FROM media").get(0)).containsEntry("status", "filing");
        intake.useMover(new FileMover());

        FlowOutcome o = scan();

        assertThat(o.result().counter("resumed")).isEqualTo(1);
        assertThat(tree(inbox)).isEmpty();
        assertThat(tree(library)).filteredOn(p -> p.endsWith(".mkv")).containsExactly("movies/Fight Club (1999)/Fight Club (1999).mkv");
        assertThat(app.rows("SELECT status FROM media")).extracting(r -> r.get("status")).containsExactly("identified");
    }

    @Test
    @RequiresTool("mediainfo")
    void withoutFfprobeMediainfoGivesTheDurationAndCodec() throws Exception {
        TestMedia.video(inbox.resolve("Fight.Club.1999.mkv"), 3, 1800, Map.of());
        start(Map.of("INTAKE_FFPROBE", dir.resolve("no-such-ffprobe").toString()));

        scan();

        Map<String, Object> row = app.rows("SELECT status, video_codec, width, duration_seconds FROM media").get(0);
        assertThat(row).containsEntry("status", "identified").containsEntry("video_codec", "AVC").containsEntry("width", 64);
        assertThat(((Number) row.get("duration_seconds")).doubleValue()).isBetween(2.5, 3.5);
    }

    @Test
    void taggedAudioIsFiledByArtistAlbumAndTrack() throws Exception {
        TestMedia.audio(inbox.resolve("track03.mp3"), 2, 330, Map.of("artist", "The Testers", "album", "Signals", "title", "Sine: 330 Hz",
                "track", "3/10", "date", "2019"));
        start(Map.of());

        scan();

        assertThat(tree(library)).contains("music/The Testers/Signals (2019)/03 - Sine - 330 Hz.mp3");
        assertThat(app.rows("SELECT kind, artist, album, title, year, status, method FROM media").get(0)).containsEntry("kind", "music")
                .containsEntry("artist", "The Testers").containsEntry("album", "Signals").containsEntry("status", "identified")
                .containsEntry("method", "tags");
    }

    @Test
    void theLibraryScanAddsStrangersFlagsMissingFilesAndRestoresThem() throws Exception {
        TestMedia.video(inbox.resolve("Fight.Club.1999.mkv"), 1, 1600, Map.of());
        start(Map.of());
        scan();
        Path stranger = TestMedia.video(library.resolve("movies/Alien (1979)/Alien (1979).mkv"), 1, 1610, Map.of());
        Path filed = library.resolve("movies/Fight Club (1999)/Fight Club (1999).mkv");
        Path aside = dir.resolve("aside.mkv");
        Files.move(filed, aside);

        FlowOutcome o = app.run("library-scan");

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        assertThat(o.result().counter("added")).isEqualTo(1);
        assertThat(o.result().counter("missing")).isEqualTo(1);
        assertThat(app.rows("SELECT path, status, title, year FROM media ORDER BY media_id")).containsExactly(
                Map.of("path", "movies/Fight Club (1999)/Fight Club (1999).mkv", "status", "missing", "title", "Fight Club", "year", 1999),
                Map.of("path", "movies/Alien (1979)/Alien (1979).mkv", "status", "unidentified", "title", "Alien", "year", 1979));
        assertThat(stranger).exists();

        Files.move(aside, filed);
        FlowOutcome again = app.run("library-scan");
        assertThat(again.result().counter("restored")).isEqualTo(1);
        assertThat(app.rows("SELECT status FROM media ORDER BY media_id")).extracting(r -> r.get("status")).containsExactly("identified", "unidentified");
        FlowOutcome third = app.run("library-scan");
        assertThat(third.result().written()).isZero();
    }

    @Test
    void theLibraryScanReadsASidecarAndRefusesAMissingRoot() throws Exception {
        TestMedia.video(inbox.resolve("Fight.Club.1999.mkv"), 1, 1700, Map.of());
        start(Map.of());
        scan();
        app.app().store().inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM media"));

        FlowOutcome o = app.run("library-scan");

        assertThat(app.rows("SELECT status, tmdb_id, method, video_codec FROM media").get(0)).containsEntry("status", "identified")
                .containsEntry("tmdb_id", 550).containsEntry("method", "library-scan-sidecar").containsEntry("video_codec", "h264");
        assertThat(o.result().counter("added")).isEqualTo(1);

        Path moved = dir.resolve("unmounted");
        Files.move(library, moved);
        FlowOutcome gone = app.run("library-scan");
        assertThat(gone.ok()).isFalse();
        assertThat(gone.error()).contains("does not exist (not mounted?)");
        assertThat(app.rows("SELECT status FROM media").get(0)).containsEntry("status", "identified");
    }

    /** Every symbolic link under {@code root} (not followed), relative and sorted. */
    private static List<String> links(Path root) throws Exception {
        try (java.util.stream.Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isSymbolicLink).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aSymbolicLinkAtAnyDepthGoesToFailedAsALinkAndItsTargetIsNeverTouched() throws Exception {
        Path outside = dir.resolve("outside");
        Path secret = TestMedia.video(outside.resolve("Secret.2001.mkv"), 1, 1950, Map.of());
        Path secretFolder = outside.resolve("folder");
        TestMedia.video(secretFolder.resolve("Hidden.Gem.2002.mkv"), 1, 1960, Map.of());
        byte[] before = Files.readAllBytes(secret);
        Path release = inbox.resolve("Fight.Club.1999.1080p");
        TestMedia.video(release.resolve("Fight.Club.1999.1080p.mkv"), 1, 1970, Map.of());
        Files.createSymbolicLink(release.resolve("Bonus.2003.mkv"), secret);
        Files.createDirectories(release.resolve("Extras"));
        Files.createSymbolicLink(release.resolve("Extras/Fight.Club.1999.1080p.en.srt"), secret);
        Files.createSymbolicLink(release.resolve("More"), secretFolder);
        Files.createSymbolicLink(inbox.resolve("Top.Level.2004.mkv"), secret);
        start(Map.of());

        FlowOutcome o = scan();

        assertThat(links(library)).isEmpty();
        assertThat(tree(library)).containsExactly("movies/Fight Club (1999)/Fight Club (1999).mediahub.json",
                "movies/Fight Club (1999)/Fight Club (1999).mkv", "movies/Fight Club (1999)/backdrop.jpg", "movies/Fight Club (1999)/poster.jpg");
        assertThat(links(inbox)).containsExactly(".failed/Fight.Club.1999.1080p/Bonus.2003.mkv",
                ".failed/Fight.Club.1999.1080p/Extras/Fight.Club.1999.1080p.en.srt", ".failed/Fight.Club.1999.1080p/More",
                ".failed/Top.Level.2004.mkv");
        for (String link : links(inbox)) {
            assertThat(Files.readString(inbox.resolve(link + ".error.txt"))).as(link).contains("a symbolic link")
                    .contains("never followed");
        }
        assertThat(o.result().counter("failed")).isEqualTo(4);
        // The targets are where they were, as they were, with no second name in the library.
        assertThat(Files.readAllBytes(secret)).isEqualTo(before);
        assertThat(Files.getAttribute(secret, "unix:nlink")).isEqualTo(1);
        assertThat(secretFolder.resolve("Hidden.Gem.2002.mkv")).exists();
        assertThat(app.rows("SELECT source_name, status FROM media WHERE status <> 'failed'")).extracting(r -> r.get("source_name"))
                .containsExactly("Fight.Club.1999.1080p/Fight.Club.1999.1080p.mkv");
    }

    @Test
    void theLibraryScanNeverFollowsALink() throws Exception {
        Path secret = TestMedia.video(dir.resolve("outside/Secret.2001.mkv"), 1, 1980, Map.of());
        TestMedia.video(dir.resolve("outside/folder/Alien (1979).mkv"), 1, 1990, Map.of());
        Files.createDirectories(library.resolve("movies/Secret (2001)"));
        Files.createSymbolicLink(library.resolve("movies/Secret (2001)/Secret (2001).mkv"), secret);
        Files.createSymbolicLink(library.resolve("movies/Alien (1979)"), dir.resolve("outside/folder"));
        TestMedia.video(library.resolve("movies/Heat (1995)/Heat (1995).mkv"), 1, 1995, Map.of());
        start(Map.of());

        FlowOutcome o = app.run("library-scan");

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        assertThat(app.rows("SELECT path FROM media")).extracting(r -> r.get("path")).containsExactly("movies/Heat (1995)/Heat (1995).mkv");
        assertThat(o.result().counter("links_skipped")).isEqualTo(2);
    }

    @Test
    void nothingIsFiledThroughALinkInTheLibrary() throws Exception {
        Path elsewhere = dir.resolve("elsewhere");
        Files.createDirectories(elsewhere);
        Files.createDirectories(library.resolve("movies"));
        Files.createSymbolicLink(library.resolve("movies/Fight Club (1999)"), elsewhere);
        TestMedia.video(inbox.resolve("Fight.Club.1999.mkv"), 1, 2050, Map.of());
        start(Map.of());

        scan();

        try (java.util.stream.Stream<Path> s = Files.list(elsewhere)) {
            assertThat(s.toList()).isEmpty();
        }
        assertThat(Files.readString(inbox.resolve(".failed/Fight.Club.1999.mkv.error.txt")))
                .contains("its folder in the library passes through the symbolic link movies/Fight Club (1999)");
        assertThat(app.rows("SELECT status, path FROM media").get(0)).containsEntry("status", "failed").containsEntry("path", null);
    }
}
