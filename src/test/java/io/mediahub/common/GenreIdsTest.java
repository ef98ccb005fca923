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
        // crc32("drama") = 0x6E8F1B2C-ish: pin the rule so a change to it is noticed (ids are stored).
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("drama".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(GenreIds.stableId("Drama")).isEqualTo(-(1 + (crc.getValue() & 0x7FFFFFFFL)));
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
