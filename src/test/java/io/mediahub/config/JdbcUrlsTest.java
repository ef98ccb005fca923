package io.mediahub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcUrlsTest {
    @TempDir
    Path dir;

    @Test
    void everyFormOfCredentialIsHidden() {
        assertThat(JdbcUrls.redact("jdbc:mysql://u:Pw-s3cret@db.local:3306/mediahub")).isEqualTo("jdbc:mysql://u:***@db.local:3306/mediahub");
        assertThat(JdbcUrls.redact("jdbc:mariadb://db.local/mediahub?user=u&password=Pw-s3cret&useSsl=true"))
                .isEqualTo("jdbc:mariadb://db.local/mediahub?user=u&password=***&useSsl=true");
        assertThat(JdbcUrls.redact("jdbc:mysql://db.local/mediahub;user=u;password=Pw-s3cret")).isEqualTo("jdbc:mysql://db.local/mediahub;user=u;password=***");
        assertThat(JdbcUrls.redact("jdbc:mysql://(host=db.local,user=u,password=Pw-s3cret)/mediahub"))
                .isEqualTo("jdbc:mysql://(host=db.local,user=u,password=***)/mediahub");
        assertThat(JdbcUrls.redact("jdbc:mariadb://db/m?PASSWORD=Pw-s3cret&trustStorePassword=ts-s3cret"))
                .isEqualTo("jdbc:mariadb://db/m?PASSWORD=***&trustStorePassword=***");
        assertThat(JdbcUrls.redact("jdbc:mariadb:replication://u:a-s3cret@h1:3306,v:b-s3cret@h2/m")).isEqualTo("jdbc:mariadb:replication://u:***@h1:3306,v:***@h2/m");
        // Nothing to hide: unchanged.
        assertThat(JdbcUrls.redact("jdbc:mariadb://u@db.local:3306/mediahub?useSsl=true")).isEqualTo("jdbc:mariadb://u@db.local:3306/mediahub?useSsl=true");
        assertThat(JdbcUrls.hasCredentials("jdbc:mariadb://u@db.local/m")).isFalse();
        assertThat(JdbcUrls.hasCredentials("jdbc:mariadb://db.local/m?password=x")).isTrue();
    }

    @Test
    void aDriversMessageLosesTheUrlsCredentialsButKeepsItsWords() {
        String url = "jdbc:mysql://u:pw@db.local/m";
        assertThat(JdbcUrls.scrub("Access denied for u with pw on " + url + " (password: pw)", url))
                .isEqualTo("Access denied for u with *** on jdbc:mysql://u:***@db.local/m (password: ***)");
    }

    @Test
    void settingsShowTheUrlRedactedAndCamelNeverGetsTheCredential() {
        Settings s = Settings.load(Map.of("MEDIAHUB_DB_URL", "jdbc:mysql://u:Pw-s3cret@db.local/m?password=Pw-s3cret",
                "EMBY_URL", "http://admin:emby-s3cret@emby.local:8096"), dir.resolve("none"));
        assertThat(s.describe("mediahub.db-url")).isEqualTo("jdbc:mysql://u:***@db.local/m?password=***");
        assertThat(s.toString()).doesNotContain("s3cret");
        assertThat(s.nonSecretValues().values()).noneMatch(v -> v.contains("s3cret"));
        assertThat(s.nonSecretValues()).containsEntry("emby.url", "http://admin:***@emby.local:8096");
        // The real value still reaches the store.
        assertThat(s.get("mediahub.db-url")).contains("Pw-s3cret");
    }
}
