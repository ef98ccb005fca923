package io.mediahub.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The library's stamp from the one row of library-genre-stamp.sql, as camel-sql (any vendor's number types) gives it. */
class LibraryGenreStampTest {
    private final LibraryGenreSource source = new LibraryGenreSource();

    private static Map<String, Object> row(Object running) {
        Map<String, Object> r = new HashMap<>();
        r.put("ITEMS", 3);
        r.put("newest_synced_at", "2026-01-01T00:00:00Z");
        r.put("Genres", 5L);
        r.put("genre_name_length", new BigDecimal("41")); // MySQL's SUM
        r.put("last_library_sync", 7L);
        r.put("library_syncs_running", running);
        return r;
    }

    @Test
    void theStampNamesCountsNewestSyncGenresAndTheLastLibraryRunWhateverTheColumnCaseOrNumberType() {
        assertThat(source.stamp(row(0))).isEqualTo("library:3:2026-01-01T00:00:00Z:5:41:7");
        assertThat(source.stamp(row(0L))).isEqualTo(source.stamp(row(BigDecimal.ZERO)));
    }

    @Test
    void anEmptyLibraryHasAStampAndARunningLibrarySyncHasNone() {
        Map<String, Object> empty = row(0);
        empty.put("ITEMS", 0);
        empty.put("newest_synced_at", null);
        assertThat(source.stamp(empty)).isEqualTo("library:0:null:5:41:7");
        assertThat(source.stamp(row(1))).isNull();
        assertThat(source.stamp(Map.of())).isNull();
        assertThat(source.stamp((Map<String, Object>) null)).isNull();
    }
}
