package io.mediahub.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages of {@code features-build-genres} through the real route: the stamp read by camel-sql from the statement
 * beside the route, the rows and their hash, the filter that skips the build when nothing changed, the build and the
 * write, the stamp recorded for the queries, and the counts in {@code flow_runs}.
 */
class FeaturesBuildGenresRouteTest {
    @TempDir
    Path dir;

    private static void library(TestApp app, String sql) throws Exception {
        try (Connection c = app.app().store().connection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void buildsOnceSkipsWhileNothingChangesAndRebuildsWhenTheLibraryOrFullSaysSo() throws Exception {
        try (TestApp app = TestApp.start(dir, Map.of())) {
            library(app, "INSERT INTO library_items (item_id, name, item_type, production_year, content_hash, synced_at) VALUES "
                    + "('m1', 'Alien', 'Movie', 1979, 'x', '2026-01-01T00:00:00Z'), ('m2', 'Heat', 'Movie', 1995, 'x', '2026-01-01T00:00:00Z')");
            library(app, "INSERT INTO item_genres (item_id, genre_id, genre_name) VALUES ('m1', 1, 'Horror'), ('m2', 2, 'Crime'), ('m2', 3, 'Drama')");
            GenreMatrixBuild build = app.app().bean("genreMatrixBuilder", GenreMatrixBuild.class);
            Path cache = build.cacheFile();

            FlowOutcome first = app.run("features-build-genres");
            assertThat(first.ok()).as(String.valueOf(first.error())).isTrue();
            assertThat(first.result().counters()).containsEntry("matrix_rebuilt", 1L).containsEntry("genres", 3L);
            assertThat(first.result().read()).isEqualTo(2);
            assertThat(first.result().written()).isEqualTo(2);
            GenreMatrix m = GenreMatrix.load(cache);
            assertThat(m.vocabulary()).containsExactly("Crime", "Drama", "Horror");
            // The stamp the route recorded is the one the queries compute: they trust the cache without reading the rows.
            List<String> stamp = Files.readAllLines(build.stampFile());
            assertThat(stamp).containsExactly(build.stamp(), m.contentHash());

            long modified = Files.getLastModifiedTime(cache).toMillis();
            byte[] bytes = Files.readAllBytes(cache);
            FlowOutcome unchanged = app.run("features-build-genres");
            assertThat(unchanged.result().counters()).containsEntry("matrix_unchanged", 1L).doesNotContainKey("matrix_rebuilt");
            assertThat(unchanged.result().written()).isZero();
            assertThat(Files.readAllBytes(cache)).isEqualTo(bytes);
            assertThat(Files.getLastModifiedTime(cache).toMillis()).isEqualTo(modified);

            FlowOutcome full = app.run("features-build-genres", Map.of("full", "true"));
            assertThat(full.result().counters()).containsEntry("matrix_rebuilt", 1L);
            assertThat(Files.readAllBytes(cache)).isEqualTo(bytes);

            library(app, "UPDATE item_genres SET genre_name = 'Science Fiction' WHERE item_id = 'm1'");
            FlowOutcome changed = app.run("features-build-genres");
            assertThat(changed.result().counters()).containsEntry("matrix_rebuilt", 1L);
            assertThat(GenreMatrix.load(cache).vocabulary()).containsExactly("Crime", "Drama", "Science Fiction");
            assertThat(Files.readAllLines(build.stampFile()).get(0)).isEqualTo(build.stamp());

            assertThat(app.rows("SELECT status, rows_read, rows_written FROM flow_runs WHERE flow_id = 'features-build-genres' ORDER BY run_id"))
                    .extracting(r -> r.get("status") + " " + r.get("rows_read") + "/" + r.get("rows_written"))
                    .containsExactly("ok 2/2", "ok 2/0", "ok 2/2", "ok 2/2");
        }
    }

    @Test
    void whileALibrarySyncRunsThereIsNoStampSoQueriesCheckEveryRow() throws Exception {
        try (TestApp app = TestApp.start(dir, Map.of())) {
            library(app, "INSERT INTO flow_runs (flow_id, trigger_kind, started_at, status) VALUES "
                    + "('emby-sync-library', 'schedule', '2026-03-01T00:00:00Z', 'running')");
            FlowOutcome o = app.run("features-build-genres");
            assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
            GenreMatrixBuild build = app.app().bean("genreMatrixBuilder", GenreMatrixBuild.class);
            assertThat(build.stamp()).isNull();
            assertThat(Files.exists(build.stampFile())).isFalse();
        }
    }
}
