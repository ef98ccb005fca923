package io.mediahub.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The genre matrix, its cache file, k-NN by cosine and the recommender, on a hand-made library. */
class TitleRecommenderTest {
    @TempDir
    Path dir;

    static GenreSource.Row row(String id, String name, String type, String... genres) {
        return new GenreSource.Row(id, name, type, null, null, null, 2000, List.of(genres));
    }

    static GenreSource.Row ep(String id, String series, int s, int e) {
        return new GenreSource.Row(id, "Ep " + s + "x" + e, "Episode", series, s, e, null, List.of());
    }

    static final List<GenreSource.Row> ROWS = List.of(
            row("a", "Alien", "Movie", "Horror", "Science Fiction"),
            row("b", "Blade Runner", "Movie", "Drama", "Science Fiction"),
            row("c", "Heat", "Movie", "Action", "Crime", "Drama"),
            row("d", "Dune", "Movie", "Science Fiction", "Drama"),
            row("e", "Aliens", "Movie", "Action", "Horror", "Science Fiction"),
            row("f", "Amélie", "Movie", "Comedy", "Romance"),
            row("g", "No Genre", "Movie"),
            row("s", "The Expanse", "Series", "Drama", "Science Fiction"),
            ep("s-1", "s", 1, 1), ep("s-2", "s", 1, 2), ep("s-3", "s", 1, 3));

    static GenreMatrix matrix() {
        return GenreMatrix.build(ROWS, "test", GenreMatrix.contentHash("test", ROWS));
    }

    @Test
    void vocabularyIsSortedAndEpisodesCarryTheirSeriesRow() {
        GenreMatrix m = matrix();
        assertThat(m.vocabulary()).containsExactly("Action", "Comedy", "Crime", "Drama", "Horror", "Romance", "Science Fiction");
        assertThat(m.genres(m.row("s-2"))).containsExactly("Drama", "Science Fiction");
        assertThat(m.cosine(m.row("a"), m.row("e"))).isCloseTo(2 / Math.sqrt(6), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(m.cosine(m.row("a"), m.row("g"))).isZero();
    }

    @Test
    void theCacheRoundTripsAndTheHashFollowsTheContent() throws Exception {
        GenreMatrix m = matrix();
        Path f = dir.resolve("cache").resolve(GenreMatrix.FILE_NAME);
        m.save(f);
        GenreMatrix back = GenreMatrix.load(f);
        assertThat(back.contentHash()).isEqualTo(m.contentHash());
        assertThat(back.vocabulary()).isEqualTo(m.vocabulary());
        for (int i = 0; i < m.size(); i++) {
            assertThat(back.id(i)).isEqualTo(m.id(i));
            assertThat(back.genres(i)).isEqualTo(m.genres(i));
        }
        List<GenreSource.Row> changed = new java.util.ArrayList<>(ROWS);
        changed.set(0, row("a", "Alien", "Movie", "Horror"));
        assertThat(GenreMatrix.contentHash("test", changed)).isNotEqualTo(m.contentHash());
        assertThat(GenreMatrix.contentHash("test", ROWS)).isEqualTo(m.contentHash());
    }

    @Test
    void similarRanksByCosineBreaksTiesByNameAndSkipsSelfAndEpisodes() {
        GenreMatrix m = matrix();
        List<String> names = new TitleRecommender(m).similar(m.row("d"), 4).stream().map(n -> m.name(n.row())).toList();
        // Dune = {Drama, SF}: Blade Runner and The Expanse are identical (1.0, tie broken by name), Alien 0.5, then Aliens/Heat 0.408 by name.
        assertThat(names).containsExactly("Blade Runner", "The Expanse", "Alien", "Aliens");
        // An episode stands for its series: the series itself is excluded.
        assertThat(new TitleRecommender(m).similar(m.row("s-1"), 2).stream().map(n -> m.name(n.row())).toList())
                .containsExactly("Blade Runner", "Dune");
    }

    @Test
    void recommendationsWeighOutcomesExcludeWatchedTitlesAndSayWhy() {
        GenreMatrix m = matrix();
        TitleRecommender r = new TitleRecommender(m);
        WatchProfiles weights = new WatchProfiles(1.0, 0.5, 0.2);
        // Completed Alien twice; abandoned Amélie (weighs nothing).
        TitleRecommender.Watched w = new TitleRecommender.Watched(
                Map.of(m.row("a"), 2 * weights.weight("completed"), m.row("f"), weights.weight("abandoned")), Map.of(), Map.of());
        List<TitleRecommender.Recommendation> recs = r.recommend(w, 3);
        assertThat(recs).extracting(x -> m.name(x.row())).containsExactly("Aliens", "Blade Runner", "Dune");
        assertThat(recs.get(0).matchedGenres()).containsExactly("Horror", "Science Fiction");
        assertThat(recs.get(0).closestWatched()).extracting(m::name).containsExactly("Alien");
        assertThat(recs).noneMatch(x -> m.name(x.row()).equals("Alien") || m.name(x.row()).equals("Amélie"));
    }

    @Test
    void catchUpListsTheNextUnwatchedEpisodesOfSeriesInProgress() {
        GenreMatrix m = matrix();
        TitleRecommender.Watched w = new TitleRecommender.Watched(Map.of(m.row("s"), 1.0),
                Map.of(m.row("s-1"), "completed"), Map.of(m.row("s-1"), "2025-01-01T00:00:00Z"));
        List<TitleRecommender.CatchUp> c = new TitleRecommender(m).catchUp(w, 3, 10);
        assertThat(c).hasSize(1);
        assertThat(c.get(0).unwatchedEpisodes()).isEqualTo(2);
        assertThat(c.get(0).nextEpisodes()).extracting(m::id).containsExactly("s-2", "s-3");
        // Only sampled: not in progress.
        assertThat(new TitleRecommender(m).catchUp(new TitleRecommender.Watched(Map.of(), Map.of(m.row("s-1"), "sampled"), Map.of()), 3, 10)).isEmpty();
    }

    @Test
    void suggestionsForUnknownNames() {
        List<String> names = List.of("Alien", "Aliens", "Heat", "Blade Runner");
        assertThat(WatchProfiles.suggestions(names, "alein", 3)).containsExactly("Alien", "Aliens");
        assertThat(WatchProfiles.suggestions(names, "blade", 3)).containsExactly("Blade Runner");
        assertThat(WatchProfiles.suggestions(names, "zzzzzzzzzzzz", 3)).isEmpty();
    }

    @Test
    void catchUpGoesOnInSeasonOrderWithTheSpecialsLast() {
        List<GenreSource.Row> rows = List.of(row("x", "Severance", "Series", "Drama"),
                ep("x-000", "x", 0, 1), ep("x-0002", "x", 0, 2), ep("x-111", "x", 1, 11), ep("x-112", "x", 1, 12),
                ep("x-201", "x", 2, 1), ep("x-202", "x", 2, 2), ep("x-101", "x", 1, 1));
        GenreMatrix m = GenreMatrix.build(rows, "test", GenreMatrix.contentHash("test", rows));
        TitleRecommender.Watched w = new TitleRecommender.Watched(Map.of(m.row("x"), 1.0),
                Map.of(m.row("x-111"), "completed", m.row("x-112"), "partial"), Map.of(m.row("x-112"), "2025-01-01T00:00:00Z"));
        List<TitleRecommender.CatchUp> c = new TitleRecommender(m).catchUp(w, 10, 10);
        // The episode stopped in, the next season, the gap before it, then the specials (they came first before).
        assertThat(c.get(0).nextEpisodes()).extracting(m::id).containsExactly("x-112", "x-201", "x-202", "x-101", "x-000", "x-0002");
        assertThat(new TitleRecommender(m).catchUp(w, 2, 10).get(0).nextEpisodes()).extracting(m::id).containsExactly("x-112", "x-201");

        // A finished season: the next is the next season's first episode, not a special.
        TitleRecommender.Watched seasonDone = new TitleRecommender.Watched(Map.of(m.row("x"), 1.0),
                Map.of(m.row("x-101"), "completed", m.row("x-111"), "completed", m.row("x-112"), "completed", m.row("x-000"), "completed"),
                Map.of(m.row("x-000"), "2025-02-01T00:00:00Z"));
        assertThat(new TitleRecommender(m).catchUp(seasonDone, 1, 10).get(0).nextEpisodes()).extracting(m::id).containsExactly("x-201");
    }
}
