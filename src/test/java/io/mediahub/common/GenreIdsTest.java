package io.mediahub.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GenreIdsTest {
    @Test
    void stableIdsAreNegativeSoTheyNeverCollideWithTmdbIds() {
        for (String name : new String[] {"Drama", "Sci-Fi", "", "Anime", "Ｄｒａｍａ", "a".repeat(500)}) {
            assertThat(GenreIds.stableId(name)).isNegative();
            assertThat(GenreIds.isTmdbId(GenreIds.stableId(name))).isFalse();
        }
    }

    @Test
    void theSameNameAlwaysGetsTheSameIdWhateverItsCaseOrSpacing() {
        assertThat(GenreIds.stableId("Science  Fiction ")).isEqualTo(GenreIds.stableId("science fiction"));
        assertThat(GenreIds.stableId("Ｄｒａｍａ")).isEqualTo(GenreIds.stableId("drama")); // NFKC folds full-width letters
        assertThat(GenreIds.stableId("Drama")).isNotEqualTo(GenreIds.stableId("Comedy"));
    }

    @Test
    void theIdsAreTheKnownValuesOfTheRuleBecauseStoresHoldThem() {
        // -(1 + (crc32(normalised name) & 0x7FFFFFFF)); the CRC-32 values are the standard ones (zlib, java.util.zip).
        // crc32("drama") = 0xC855ABB4, so 0x4855ABB4 = 1213574068 after the mask.
        assertThat(GenreIds.stableId("Drama")).isEqualTo(-1_213_574_069L);
        assertThat(GenreIds.stableId("Comedy")).isEqualTo(-198_737_382L);           // crc32 0x8BD87DE5
        assertThat(GenreIds.stableId("Science  Fiction ")).isEqualTo(-739_418_142L); // "science fiction", crc32 0x2C12A01D
        assertThat(GenreIds.stableId("Giallo")).isEqualTo(-1_711_501_630L);         // crc32 0xE603713D
        assertThat(GenreIds.stableId("Anime")).isEqualTo(-319_052_099L);            // crc32 0x13045942
        assertThat(GenreIds.stableId("")).as("crc32 of nothing is 0").isEqualTo(-1L);
    }

    @Test
    void resolverPrefersTheItemsOwnMediaType() {
        GenreResolver r = new GenreResolver(Map.of("action", 28L, "drama", 18L), Map.of("action & adventure", 10759L, "drama", 18L, "kids", 10762L));
        assertThat(r.idFor("Action", true)).isEqualTo(28L);
        assertThat(r.idFor("Action & Adventure", true)).isEqualTo(10759L); // movie list lacks it: TV list
        assertThat(r.idFor("KIDS", false)).isEqualTo(10762L);
        assertThat(r.idFor("Giallo", true)).isEqualTo(GenreIds.stableId("Giallo"));
    }
}
