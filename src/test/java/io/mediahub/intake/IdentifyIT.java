package io.mediahub.intake;

import io.mediahub.testing.CliRunner;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.cli.MediahubCommand;
import io.mediahub.testing.RequiresTool;
import io.mediahub.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code identify PATH|MEDIA_ID [--tmdb ID]} as users call it, on ffmpeg-made media and the fake TMDb. */
@RequiresTool({"ffmpeg", "ffprobe"})
class IdentifyIT {
    @TempDir
    Path dir;

    private FakeTmdb tmdb;
    private Path inbox;
    private Path library;
    private final CliRunner runner = new CliRunner();
    private final ByteArrayOutputStream out = runner.out;
    private final ByteArrayOutputStream err = runner.err;


    @BeforeEach
    void setUp() throws Exception {
        tmdb = new FakeTmdb();
        inbox = dir.resolve("data/inbox");
        library = dir.resolve("library");
        Files.createDirectories(inbox);
    }

    @AfterEach
    void tearDown() {
        MediahubCommand.useSettings(io.mediahub.config.Settings::load);
        tmdb.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("MEDIAHUB_LIBRARY_DIR", library.toString());
        env.put("INTAKE_SETTLE_TIME", "0");
        env.putAll(tmdb.env());
        return env;
    }

    private int cli(String... args) {
        return runner.run(() -> TestApp.settings(dir.resolve("data"), env()), args);
    }

    @Test
    void aForcedMatchRenamesAnUnidentifiedFileInTheLibrary() throws Exception {
        TestMedia.video(inbox.resolve("Fight Club Zombies Attack.mkv"), 1, 3000, Map.of());
        assertThat(cli("run", "intake-scan-inbox")).isZero();
        assertThat(library.resolve("movies/Fight Club Zombies Attack/Fight Club Zombies Attack.mkv")).exists();

        assertThat(cli("identify", "1", "--tmdb", "550")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("media 1: identified (TMDb 550) -> movies/Fight Club (1999)/Fight Club (1999).mkv");
        assertThat(library.resolve("movies/Fight Club (1999)/Fight Club (1999).mkv")).exists();
        assertThat(library.resolve("movies/Fight Club (1999)/Fight Club (1999).mediahub.json")).exists();
        assertThat(library.resolve("movies/Fight Club Zombies Attack/Fight Club Zombies Attack.mkv")).doesNotExist();
        assertThat(library.resolve("movies/Fight Club Zombies Attack/Fight Club Zombies Attack.mediahub.json")).doesNotExist();
        try (TestApp app = TestApp.start(TestApp.settings(dir.resolve("data"), env()))) {
            assertThat(app.rows("SELECT media_id, status, method, tmdb_id FROM media")).containsExactly(
                    Map.of("media_id", 1, "status", "identified", "method", "tmdb-forced", "tmdb_id", 550));
        }
    }

    @Test
    void aFileInFailedIsFiledByPathAndItsReasonRemoved() throws Exception {
        Path failed = TestMedia.video(inbox.resolve(".failed/Fight.Club.1999.mkv"), 1, 3100, Map.of());
        Files.writeString(inbox.resolve(".failed/Fight.Club.1999.mkv.error.txt"), "Reason: moving it into the library failed");

        assertThat(cli("identify", failed.toString())).as(err.toString()).isZero();

        assertThat(failed).doesNotExist();
        assertThat(inbox.resolve(".failed/Fight.Club.1999.mkv.error.txt")).doesNotExist();
        assertThat(library.resolve("movies/Fight Club (1999)/Fight Club (1999).mkv")).exists();
    }

    @Test
    void unknownIdsAndUnreadableFilesAreOneLineErrorsAndNothingMoves() throws Exception {
        assertThat(cli("identify", "42")).isEqualTo(1);
        assertThat(err.toString()).endsWith("identify: no media row has id 42" + System.lineSeparator());

        Path junk = dir.resolve("elsewhere/junk.mkv");
        Files.createDirectories(junk.getParent());
        Files.write(junk, new byte[1000]);
        assertThat(cli("identify", junk.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("identify: the probe could not read it: ffprobe exited with");
        assertThat(junk).exists();
        assertThat(!Files.exists(library) || List.of(library.toFile().list()).isEmpty()).as("nothing was filed").isTrue();
    }

    @Test
    void identifyWaitsForNoInboxRunItRefusesWhileOneHoldsTheLockAndMovesNothing() throws Exception {
        Path failed = TestMedia.video(inbox.resolve(".failed/Fight.Club.1999.mkv"), 1, 3200, Map.of());
        // An inbox run in another Mediahub process holds intake-scan-inbox's lock (its row in the store's flow_locks).
        try (io.mediahub.store.Store store = io.mediahub.store.Store.open(TestApp.settings(dir.resolve("data"), env()));
             io.mediahub.flow.FlowLocks container = new io.mediahub.flow.FlowLocks(store, "container", java.time.Duration.ofSeconds(60),
                     java.time.Clock.systemUTC());
             io.mediahub.flow.FlowLocks.Held held = container.tryTake("intake-scan-inbox").orElseThrow()) {
            assertThat(held).isNotNull();
            assertThat(cli("identify", failed.toString())).isEqualTo(1);
        }
        assertThat(err.toString()).endsWith("identify: intake-scan-inbox is running in another Mediahub process; "
                + "try again when it has finished" + System.lineSeparator());
        assertThat(failed).exists();
        assertThat(library.resolve("movies/Fight Club (1999)/Fight Club (1999).mkv")).doesNotExist();

        // Once the run is over, the same call files it.
        assertThat(cli("identify", failed.toString())).as(err.toString()).isZero();
        assertThat(library.resolve("movies/Fight Club (1999)/Fight Club (1999).mkv")).exists();
    }

    @Test
    void aFileReachedThroughALinkInsideTheInboxIsRefusedAndStaysWhereItIs() throws Exception {
        Path outside = dir.resolve("outside");
        Path secret = TestMedia.video(outside.resolve("Fight.Club.1999.mkv"), 1, 3300, Map.of());
        Files.createDirectories(inbox.resolve(".failed/Release"));
        Files.createSymbolicLink(inbox.resolve(".failed/Release/More"), outside);
        Files.createSymbolicLink(inbox.resolve(".failed/Fight.Club.1999.mkv"), secret);

        assertThat(cli("identify", inbox.resolve(".failed/Release/More/Fight.Club.1999.mkv").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("symbolic link").contains("never follows");
        assertThat(cli("identify", inbox.resolve(".failed/Fight.Club.1999.mkv").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is reached through the symbolic link " + inbox.resolve(".failed/Fight.Club.1999.mkv"));

        assertThat(secret).exists();
        assertThat(Files.getAttribute(secret, "unix:nlink")).isEqualTo(1);
        assertThat(library.resolve("movies/Fight Club (1999)/Fight Club (1999).mkv")).doesNotExist();

        // The same file named by its own path (outside the inbox and the library) is filed, as identify allows.
        assertThat(cli("identify", secret.toString())).as(err.toString()).isZero();
        assertThat(library.resolve("movies/Fight Club (1999)/Fight Club (1999).mkv")).exists();
    }
}
