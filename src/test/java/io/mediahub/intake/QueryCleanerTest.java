package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryCleanerTest {

    @Test
    void removesTheOriginalsNoise() {
        assertThat(QueryCleaner.clean("THE_MATRIX DISC 1")).isEqualTo("THE MATRIX");
        assertThat(QueryCleaner.clean("Lord of the Rings SPECIAL EDITION DVD")).isEqualTo("Lord of the Rings");
        assertThat(QueryCleaner.clean("Alien BLU RAY REGION 2 PAL")).isEqualTo("Alien");
        assertThat(QueryCleaner.clean("Cartoons VOL 3 WIDESCREEN NTSC")).isEqualTo("Cartoons");
        assertThat(QueryCleaner.clean("Home Video 20240101_120000")).isEqualTo("Home Video");
        assertThat(QueryCleaner.clean("Pokemon THE MOVIE CD 2")).isEqualTo("Pokemon");
        assertThat(QueryCleaner.clean("Blade Runner 2049")).isEqualTo("Blade Runner 2049");
        assertThat(QueryCleaner.clean("Stray 4711")).isEqualTo("Stray");
        assertThat(QueryCleaner.clean("Rocky 2")).isEqualTo("Rocky 2");
        assertThat(QueryCleaner.clean("Fight.Club")).isEqualTo("Fight Club");
    }

    @Test
    void fallbackKeepsLettersAndRealWords() {
        assertThat(QueryCleaner.fallback("Se7en x 2 A I")).isEqualTo("Se en A I");
        assertThat(QueryCleaner.fallback("WALL·E")).isEqualTo("WALL");
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
