package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.testing.RequiresTool;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drop named as Mediahub names its own files, with a number in the title ({@code Apollo 13 (1995).mkv}), is filed
 * as that movie, not as episode 13 of a show {@code Apollo}: real media made by ffmpeg, a fake TMDb that knows no such
 * film (so the file is filed by its name alone).
 */
@RequiresTool({"ffmpeg", "ffprobe"})
class IntakeNumberTitlesIT {
    @TempDir
    Path dir;

    private FakeTmdb tmdb;
    private IntakeRun run;

    @AfterEach
    void tearDown() {
        if (run != null) {
            run.close();
        }
        if (tmdb != null) {
            tmdb.close();
        }
    }

    @Test
    void aNumberInATitleBeforeItsYearFilesAMovie() throws Exception {
        tmdb = new FakeTmdb();
        run = new IntakeRun(dir);
        TestMedia.video(run.inbox.resolve("Apollo 13 (1995).mkv"), 1, 440, Map.of());
        TestMedia.video(run.inbox.resolve("Ocean's 11 (2001).mkv"), 1, 550, Map.of());
        run.start(tmdb.env(), Map.of());

        run.scan();

        assertThat(IntakeRun.tree(run.library)).contains("movies/Apollo 13 (1995)/Apollo 13 (1995).mkv",
                "movies/Ocean's 11 (2001)/Ocean's 11 (2001).mkv").noneMatch(p -> p.startsWith("tv/"));
        assertThat(run.app.rows("SELECT kind, title, year, season, episode FROM media ORDER BY title")).containsExactly(
                row("movie", "Apollo 13", 1995), row("movie", "Ocean's 11", 2001));
    }

    private static Map<String, Object> row(String kind, String title, int year) {
        Map<String, Object> r = new java.util.HashMap<>();
        r.put("kind", kind);
        r.put("title", title);
        r.put("year", year);
        r.put("season", null);
        r.put("episode", null);
        return r;
    }
}
