package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryCleanerTest {

    @Test
    void removesDiscLabelNoiseFromTheEnd() {
        assertThat(QueryCleaner.clean("THE_MATRIX DISC 1")).isEqualTo("THE MATRIX");
        assertThat(QueryCleaner.clean("THE_MATRIX_DISC1")).isEqualTo("THE MATRIX");
        assertThat(QueryCleaner.clean("Lord of the Rings SPECIAL EDITION DVD")).isEqualTo("Lord of the Rings");
        assertThat(QueryCleaner.clean("Alien BLU RAY REGION 2 PAL")).isEqualTo("Alien");
        assertThat(QueryCleaner.clean("Alien - Blu-Ray (NTSC)")).isEqualTo("Alien");
        assertThat(QueryCleaner.clean("Home Video 20240101_120000")).isEqualTo("Home Video");
        assertThat(QueryCleaner.clean("20240101_120000 Home Video")).isEqualTo("Home Video");
        assertThat(QueryCleaner.clean("Blade Runner 2049")).isEqualTo("Blade Runner 2049");
        assertThat(QueryCleaner.clean("Stray 4711")).isEqualTo("Stray");
        assertThat(QueryCleaner.clean("Stray 4711 DVD")).isEqualTo("Stray");
        assertThat(QueryCleaner.clean("Rocky 2")).isEqualTo("Rocky 2");
        assertThat(QueryCleaner.clean("Fight.Club")).isEqualTo("Fight Club");
    }

    @Test
    void keepsTheWordsAndNumbersOfATitle() {
        assertThat(QueryCleaner.clean("Kill Bill Vol. 2")).isEqualTo("Kill Bill Vol. 2");
        assertThat(QueryCleaner.clean("Kill Bill Vol. 2 DISC 1")).isEqualTo("Kill Bill Vol. 2");
        assertThat(QueryCleaner.clean("Kill.Bill.Vol.1")).isEqualTo("Kill Bill Vol 1");
        assertThat(QueryCleaner.clean("Guardians of the Galaxy Volume 3")).isEqualTo("Guardians of the Galaxy Volume 3");
        assertThat(QueryCleaner.clean("Cartoons VOL 3 WIDESCREEN NTSC")).isEqualTo("Cartoons VOL 3");
        assertThat(QueryCleaner.clean("Pal Joey")).isEqualTo("Pal Joey");
        assertThat(QueryCleaner.clean("Pal Joey DVD")).isEqualTo("Pal Joey");
        assertThat(QueryCleaner.clean("WALL·E")).isEqualTo("WALL·E");
        assertThat(QueryCleaner.clean("Se7en")).isEqualTo("Se7en");
        assertThat(QueryCleaner.clean("Pokemon THE MOVIE CD 2")).isEqualTo("Pokemon THE MOVIE");
        assertThat(QueryCleaner.clean("The Disc")).isEqualTo("The Disc");
        assertThat(QueryCleaner.clean("Disc 1")).as("nothing but noise: kept").isEqualTo("Disc 1");
        assertThat(QueryCleaner.clean("BD")).isEqualTo("BD");
    }

    @Test
    void fallbackDropsStrayNumbersAndLettersButKeepsWholeWords() {
        assertThat(QueryCleaner.fallback("Se7en x 2 A I")).isEqualTo("Se7en A I");
        assertThat(QueryCleaner.fallback("WALL·E")).isEqualTo("WALL·E");
        assertThat(QueryCleaner.fallback("Ocean's Eleven (Extended) 3")).isEqualTo("Ocean's Eleven Extended");
        assertThat(QueryCleaner.fallback("\"Amélie\" - 2")).isEqualTo("Amélie");
    }

    @Test
    void aVolumeNumberTellsTwoFilmsApart() {
        // With "Vol. 2" stripped the query scored 0.5 against both films and neither was taken.
        String query = QueryCleaner.clean("Kill Bill Vol. 2");
        assertThat(QueryCleaner.similarity(query, "Kill Bill: Vol. 2")).isEqualTo(1.0);
        assertThat(QueryCleaner.similarity(query, "Kill Bill: Vol. 1")).isLessThan(TmdbIdentifier.MIN_SIMILARITY);
        assertThat(QueryCleaner.similarity(QueryCleaner.clean("Pal Joey"), "Pal Joey")).isEqualTo(1.0);
    }

    @Test
    void similarityDrivesTheConfidenceRule() {
        assertThat(QueryCleaner.similarity("fight club", "Fight Club")).isEqualTo(1.0);
        assertThat(QueryCleaner.similarity("The Matrix", "Matrix")).isEqualTo(1.0);
        assertThat(QueryCleaner.similarity("Amelie", "Amélie")).isEqualTo(1.0);
        assertThat(QueryCleaner.similarity("Fight Club", "Zombie Fight Club")).isLessThan(TmdbIdentifier.MIN_SIMILARITY);
        assertThat(QueryCleaner.similarity("Spider Man", "Spider-Man")).isEqualTo(1.0);
        assertThat(QueryCleaner.similarity("", "x")).isZero();
    }
}
