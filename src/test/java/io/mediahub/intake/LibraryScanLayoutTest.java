package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.flow.FlowOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code library-scan} of files laid out as Mediahub files them: the library's folders say what each file is, so a
 * number in a title ({@code movies/Apollo 13 (1995)/Apollo 13 (1995).mkv}) is never read as an episode. The scan only
 * hashes and names files, so plain bytes stand in for media here.
 */
class LibraryScanLayoutTest {
    @TempDir
    Path dir;

    private IntakeRun run;

    @AfterEach
    void tearDown() {
        if (run != null) {
            run.close();
        }
    }

    @Test
    void theLibraryLayoutNamesMoviesAndEpisodes() throws Exception {
        run = new IntakeRun(dir);
        List<String> files = List.of("movies/Apollo 13 (1995)/Apollo 13 (1995).mkv", "movies/Ocean's 11 (2001)/Ocean's 11 (2001).mkv",
                "movies/Blade Runner 2049 (2017)/Blade Runner 2049 (2017).mkv", "movies/9 (2009)/9 (2009).mkv",
                "movies/Mission - Impossible (1996)/Mission - Impossible (1996).mkv",
                "tv/The 100 (2014)/Season 01/The 100 (2014) - S01E01.mkv",
                "tv/Warehouse 13 (2009)/Season 02/Warehouse 13 (2009) - S02E03 - Pilot.mkv");
        int i = 0;
        for (String f : files) {
            Path p = run.library.resolve(f);
            Files.createDirectories(p.getParent());
            Files.write(p, new byte[] {(byte) i++, 1, 2, 3});
        }
        run.start(Map.of(), Map.of());

        FlowOutcome o = run.app.run("library-scan");

        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        assertThat(o.result().counter("added")).isEqualTo(files.size());
        Map<String, Map<String, Object>> byPath = new HashMap<>();
        for (Map<String, Object> row : run.app.rows("SELECT path, kind, title, year, season, episode, episode_title FROM media")) {
            byPath.put((String) row.get("path"), row);
        }
        assertMovie(byPath.get(files.get(0)), "Apollo 13", 1995);
        assertMovie(byPath.get(files.get(1)), "Ocean's 11", 2001);
        assertMovie(byPath.get(files.get(2)), "Blade Runner 2049", 2017);
        assertMovie(byPath.get(files.get(3)), "9", 2009);
        assertMovie(byPath.get(files.get(4)), "Mission - Impossible", 1996);
        assertThat(byPath.get(files.get(5))).containsEntry("kind", "episode").containsEntry("title", "The 100").containsEntry("year", 2014)
                .containsEntry("season", 1).containsEntry("episode", 1);
        assertThat(byPath.get(files.get(6))).containsEntry("kind", "episode").containsEntry("title", "Warehouse 13").containsEntry("season", 2)
                .containsEntry("episode", 3).containsEntry("episode_title", "Pilot");
    }

    private static void assertMovie(Map<String, Object> row, String title, int year) {
        assertThat(row).containsEntry("kind", "movie").containsEntry("title", title).containsEntry("year", year);
        assertThat(row.get("season")).isNull();
        assertThat(row.get("episode")).isNull();
    }
}
