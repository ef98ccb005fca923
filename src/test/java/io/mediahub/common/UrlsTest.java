package io.mediahub.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UrlsTest {
    @Test
    void aBaseUrlLosesItsTrailingSlashesAndBlanks() {
        assertThat(Urls.stripTrailingSlash(" http://emby:8096// ")).isEqualTo("http://emby:8096");
        assertThat(Urls.stripTrailingSlash("https://api.themoviedb.org/3")).isEqualTo("https://api.themoviedb.org/3");
    }

    @Test
    void aQueryIsFormEncodedInOrderWithoutNulls() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("query", "Amélie & Co = 100%");
        q.put("year", 2001);
        q.put("page", null);
        q.put("include_adult", false);
        assertThat(Urls.query(q)).isEqualTo("query=Am%C3%A9lie+%26+Co+%3D+100%25&year=2001&include_adult=false");
        assertThat(Urls.query(Map.of())).isEmpty();
        assertThat(Urls.query(null)).isEmpty();
    }
}
