package io.mediahub.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahub.store.Store;
import io.mediahub.testing.TestApp;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The genre matrix's cache file (format 2, memory-mapped): what is loaded is what was built, and a file that is cut short,
 * damaged, of another version or not a matrix at all is refused and rebuilt, never trusted.
 */
class GenreMatrixFileTest {
    @TempDir
    Path dir;

    /** The hand-made library of TitleRecommenderTest, with names the old format could not hold and names that differ only in case. */
    static List<GenreSource.Row> rows() {
        List<GenreSource.Row> rows = new ArrayList<>(TitleRecommenderTest.ROWS);
        rows.add(TitleRecommenderTest.row("h", "Ça tourne à Manhattan 🎬", "Movie", "Comedy"));
        rows.add(TitleRecommenderTest.row("i", "ALIEN", "Movie", "Horror"));
        rows.add(TitleRecommenderTest.row("j", "x".repeat(70_000), "Movie", "Drama"));
        rows.add(new GenreSource.Row("k", null, null, null, null, null, null, List.of("Drama")));
        rows.add(new GenreSource.Row("s-9", "Ep 9", "Episode", "no-such-series", 1, 9, null, List.of("Crime")));
        return rows;
    }

    private Path saved(GenreMatrix m) throws IOException {
        Path f = dir.resolve("cache").resolve(GenreMatrix.FILE_NAME);
        m.save(f);
        return f;
    }

    @Test
    void whatIsLoadedIsWhatWasBuiltRowForRowAndAnswersTheSame() throws Exception {
        GenreMatrix built = GenreMatrix.build(rows(), "test", GenreMatrix.contentHash("test", rows()));
        Path f = saved(built);
        GenreMatrix loaded = GenreMatrix.load(f);

        assertThat(loaded.size()).isEqualTo(rows().size());
        assertThat(loaded.contentHash()).isEqualTo(built.contentHash());
        assertThat(loaded.source()).isEqualTo("test");
        assertThat(loaded.vocabulary()).isEqualTo(built.vocabulary());
        for (int i = 0; i < built.size(); i++) {
            GenreSource.Row r = rows().get(i);
            assertThat(loaded.id(i)).isEqualTo(r.itemId());
            assertThat(loaded.name(i)).isEqualTo(r.name() == null ? r.itemId() : r.name());
            assertThat(loaded.type(i)).isEqualTo(r.itemType() == null ? "" : r.itemType());
            assertThat(loaded.year(i)).isEqualTo(r.year() == null ? -1 : r.year());
            assertThat(loaded.season(i)).isEqualTo(r.season() == null ? -1 : r.season());
            assertThat(loaded.episode(i)).isEqualTo(r.episode() == null ? -1 : r.episode());
            assertThat(loaded.genres(i)).isEqualTo(built.genres(i));
            assertThat(loaded.title(i)).isEqualTo(built.title(i));
            assertThat(loaded.row(r.itemId())).isEqualTo(i);
        }
        // Episodes stand for their series when it is in the library; an episode of a missing series stands for itself.
        assertThat(loaded.title(loaded.row("s-2"))).isEqualTo(loaded.row("s"));
        assertThat(loaded.title(loaded.row("s-9"))).isEqualTo(loaded.row("s-9"));
        assertThat(loaded.row("nothing")).isEqualTo(-1);
        assertThat(loaded.rowsNamed("alien")).containsExactly(loaded.row("a"), loaded.row("i"));
        assertThat(loaded.rowsNamed("ÇA TOURNE À MANHATTAN 🎬")).containsExactly(loaded.row("h"));
        assertThat(loaded.rowsNamed("Alie")).isEmpty();

        TitleRecommender fromBuilt = new TitleRecommender(built);
        TitleRecommender fromLoaded = new TitleRecommender(loaded);
        for (int i = 0; i < built.size(); i++) {
            assertThat(fromLoaded.similar(i, 5)).isEqualTo(fromBuilt.similar(i, 5));
        }
        TitleRecommender.Watched w = new TitleRecommender.Watched(Map.of(loaded.row("a"), 2.0, loaded.row("c"), 0.5), Map.of(), Map.of());
        assertThat(fromLoaded.recommend(w, 4)).isEqualTo(fromBuilt.recommend(w, 4)).isNotEmpty();
        // Saving the loaded matrix writes the same bytes.
        Path again = dir.resolve("again.bin");
        loaded.save(again);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(f));
    }

    @Test
    void anEmptyLibraryRoundTrips() throws Exception {
        GenreMatrix empty = GenreMatrix.build(List.of(), "test", GenreMatrix.contentHash("test", List.of()));
        GenreMatrix loaded = GenreMatrix.load(saved(empty));
        assertThat(loaded.size()).isZero();
        assertThat(loaded.vocabulary()).isEmpty();
        assertThat(loaded.row("a")).isEqualTo(-1);
        assertThat(loaded.rowsNamed("Alien")).isEmpty();
    }

    @Test
    void aFileCutShortIsRefusedWhereverItEnds() throws Exception {
        Path f = saved(TitleRecommenderTest.matrix());
        byte[] whole = Files.readAllBytes(f);
        for (int length : new int[] {0, 7, 23, 40, whole.length / 2, whole.length - 1}) {
            Files.write(f, Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> GenreMatrix.load(f)).as("cut at %d of %d bytes", length, whole.length).isInstanceOf(IOException.class)
                    .hasMessageContaining(f.toString()).hasMessageMatching("(?s).*(cut short|not a genre matrix).*");
        }
        Files.write(f, Arrays.copyOf(whole, whole.length + 8));
        assertThatThrownBy(() -> GenreMatrix.load(f)).isInstanceOf(IOException.class).hasMessageContaining("extra bytes");
    }

    @Test
    void aChangedByteAnywhereAfterTheHeaderIsCaughtByTheChecksum() throws Exception {
        Path f = saved(TitleRecommenderTest.matrix());
        byte[] whole = Files.readAllBytes(f);
        for (int at : new int[] {24, 100, whole.length / 2, whole.length - 1}) {
            byte[] damaged = whole.clone();
            damaged[at] ^= 0x10;
            Files.write(f, damaged);
            assertThatThrownBy(() -> GenreMatrix.load(f)).as("byte %d changed", at).isInstanceOf(IOException.class)
                    .hasMessageContaining("checksum does not match");
        }
    }

    @Test
    void anOldFormatOrAnotherFileIsRefusedWithWhatItIs() throws Exception {
        Path f = dir.resolve(GenreMatrix.FILE_NAME);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(f))) {
            out.writeInt(GenreMatrix.MAGIC); // format 1 began as every version does, then wrote its rows with writeUTF
            out.writeInt(1);
            out.writeUTF("hash");
            out.write(new byte[64]);
        }
        assertThatThrownBy(() -> GenreMatrix.load(f)).isInstanceOf(IOException.class).hasMessageContaining("format 1, not " + GenreMatrix.FORMAT_VERSION);
        Files.writeString(f, "{\"this\": \"is not a genre matrix at all, but long enough to have a header\"}");
        assertThatThrownBy(() -> GenreMatrix.load(f)).isInstanceOf(IOException.class).hasMessageContaining("is not a genre matrix file");
    }

    @Test
    void refreshRebuildsADamagedCacheAndRemovesCachesOfOtherFormats() throws Exception {
        try (Store store = Store.open(TestApp.settings(dir, Map.of()))) {
            try (Connection c = store.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO library_items (item_id, name, item_type, production_year, content_hash, synced_at) VALUES "
                        + "('m1', 'Alien', 'Movie', 1979, 'x', 'now'), ('m2', 'Aliens', 'Movie', 1986, 'x', 'now'), ('m3', 'Heat', 'Movie', 1995, 'x', 'now')");
                s.executeUpdate("INSERT INTO item_genres (item_id, genre_id, genre_name) VALUES ('m1', 1, 'Horror'), ('m1', 2, 'Science Fiction'), "
                        + "('m2', 1, 'Horror'), ('m2', 3, 'Action'), ('m3', 3, 'Action'), ('m3', 4, 'Crime')");
            }
            GenreMatrixBuild build = new GenreMatrixBuild(TestApp.settings(dir, Map.of()), store);
            Path file = build.cacheFile();
            Path v1 = file.resolveSibling("genre-matrix-v1.bin");
            Files.createDirectories(file.getParent());
            Files.write(v1, new byte[] {'M', 'H', 'G', '1', 0, 0, 0, 1});

            GenreMatrixBuild.Outcome first = build.refresh(false);
            assertThat(first.rebuilt()).isTrue();
            assertThat(Files.exists(v1)).isFalse();
            byte[] good = Files.readAllBytes(file);
            assertThat(build.refresh(false).rebuilt()).isFalse();

            byte[] damaged = good.clone();
            damaged[damaged.length - 3] ^= 1; // near the end, where the names are
            Files.write(file, damaged);
            GenreMatrixBuild.Outcome rebuilt = build.refresh(false);
            assertThat(rebuilt.rebuilt()).isTrue();
            assertThat(rebuilt.matrix().name(rebuilt.matrix().row("m3"))).isEqualTo("Heat");
            assertThat(Files.readAllBytes(file)).isEqualTo(good);

            Files.write(file, Arrays.copyOf(good, good.length / 3));
            assertThat(build.refresh(false).rebuilt()).isTrue();
            GenreMatrix back = GenreMatrix.load(file);
            assertThat(new TitleRecommender(back).similar(back.row("m1"), 1)).extracting(n -> back.name(n.row())).containsExactly("Aliens");
        }
    }

    /** The library source, counting how often every row is read. */
    private static final class CountingSource implements GenreSource {
        final LibraryGenreSource library = new LibraryGenreSource();
        int reads;

        @Override
        public String name() {
            return library.name();
        }

        @Override
        public void read(Connection c, java.util.function.Consumer<Row> out) throws java.sql.SQLException {
            reads++;
            library.read(c, out);
        }

        @Override
        public String stamp(Connection c) throws java.sql.SQLException {
            return library.stamp(c);
        }
    }

    @Test
    void queriesTrustTheCacheWhileTheLibrarysStampIsUnchangedAndReadEveryRowAgainWhenItMoves() throws Exception {
        try (Store store = Store.open(TestApp.settings(dir, Map.of()))) {
            try (Connection c = store.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO library_items (item_id, name, item_type, content_hash, synced_at) VALUES "
                        + "('m1', 'Alien', 'Movie', 'x', '2026-01-01T00:00:00Z'), ('m2', 'Heat', 'Movie', 'x', '2026-01-01T00:00:00Z')");
                s.executeUpdate("INSERT INTO item_genres (item_id, genre_id, genre_name) VALUES ('m1', 1, 'Horror'), ('m2', 2, 'Crime')");
            }
            CountingSource source = new CountingSource();
            GenreMatrixBuild build = new GenreMatrixBuild(TestApp.settings(dir, Map.of()), store, source);

            assertThat(build.current().size()).isEqualTo(2);
            assertThat(source.reads).isEqualTo(1);
            assertThat(build.current().size()).isEqualTo(2);
            assertThat(build.current().size()).isEqualTo(2);
            assertThat(source.reads).as("an unchanged stamp: the cache is used as it is").isEqualTo(1);

            // A later sync writes a row: its synced_at moves the stamp, so the rows are read and the matrix rebuilt.
            try (Connection c = store.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE library_items SET name = 'Heat (1995)', synced_at = '2026-02-01T00:00:00Z' WHERE item_id = 'm2'");
            }
            GenreMatrix after = build.current();
            assertThat(source.reads).isEqualTo(2);
            assertThat(after.name(after.row("m2"))).isEqualTo("Heat (1995)");
            build.current();
            assertThat(source.reads).isEqualTo(2);

            // A genre changed by name only (same count and synced_at): the genre part of the stamp moves.
            try (Connection c = store.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE item_genres SET genre_name = 'Science Fiction' WHERE item_id = 'm1'");
            }
            assertThat(build.current().vocabulary()).containsExactly("Crime", "Science Fiction");
            assertThat(source.reads).isEqualTo(3);

            // While emby-sync-library runs there is no stamp: every query checks every row.
            try (Connection c = store.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO flow_runs (flow_id, trigger_kind, started_at, status) VALUES "
                        + "('emby-sync-library', 'schedule', '2026-03-01T00:00:00Z', 'running')");
            }
            build.current();
            build.current();
            assertThat(source.reads).isEqualTo(5);
            // It ends: one more full check, then the cache is trusted again.
            try (Connection c = store.connection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE flow_runs SET status = 'ok' WHERE flow_id = 'emby-sync-library'");
            }
            build.current();
            build.current();
            assertThat(source.reads).isEqualTo(6);

            // A damaged cache behind a matching stamp is refused and rebuilt, never trusted.
            byte[] good = Files.readAllBytes(build.cacheFile());
            byte[] damaged = good.clone();
            damaged[damaged.length - 2] ^= 1;
            Files.write(build.cacheFile(), damaged);
            assertThat(build.current().size()).isEqualTo(2);
            assertThat(source.reads).isEqualTo(7);
            assertThat(Files.readAllBytes(build.cacheFile())).isEqualTo(good);
        }
    }
}
