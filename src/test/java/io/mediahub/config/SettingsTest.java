package io.mediahub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsComeFromApplicationPropertiesAndVariablesOverrideThem() {
        Settings s = Settings.load(Map.of("EMBY_PAGE_SIZE", "250"), dir.resolve("none"));
        assertThat(s.getInt("emby.page-size")).isEqualTo(250);
        assertThat(s.getInt("emby.commit-every")).isEqualTo(1000);
        assertThat(s.get("mediahub.data-dir")).isEqualTo("./data");
        assertThat(s.getInt("mediahub.http-port")).isEqualTo(8080);
        assertThat(s.get("mediahub.http-host")).isEqualTo("127.0.0.1");
    }

    @Test
    void dotEnvIsReadAndTheEnvironmentWins() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "# comment\nexport EMBY_URL=http://from-dotenv:8096\nEMBY_API_KEY=\"abc def\"\nEMBY_PAGE_SIZE=100 # inline\n");
        Settings s = Settings.load(Map.of("EMBY_URL", "http://from-env:8096"), env);
        assertThat(s.get("emby.url")).isEqualTo("http://from-env:8096");
        assertThat(s.get("emby.api-key")).isEqualTo("abc def");
        assertThat(s.getInt("emby.page-size")).isEqualTo(100);
    }

    @Test
    void secretsNeverShowTheirValue() {
        Settings s = Settings.load(Map.of("EMBY_API_KEY", "super-secret-1", "MEDIAHUB_NOTIFY_URL", "https://discord.com/api/webhooks/1/tok"), dir.resolve("x"));
        assertThat(Settings.isSecret("emby.api-key")).isTrue();
        assertThat(Settings.isSecret("tmdb.read-access-token")).isTrue();
        assertThat(Settings.isSecret("mediahub.db-password")).isTrue();
        assertThat(Settings.isSecret("emby.page-size")).isFalse();
        assertThat(s.describe("emby.api-key")).isEqualTo("(set)");
        assertThat(s.describe("tmdb.read-access-token")).isEqualTo("(not set)");
        assertThat(s.toString()).doesNotContain("super-secret-1").doesNotContain("webhooks/1/tok");
        assertThat(s.nonSecretValues()).doesNotContainKeys("emby.api-key", "mediahub.notify-url");
    }

    @Test
    void aSecretWithADefaultIsRefused() {
        assertThatThrownBy(() -> Settings.fromDefaultsAndEnv(Map.of("emby.api-key", "oops"), Map.of()))
                .hasMessageContaining("emby.api-key is a secret and may not have a default");
    }

    @Test
    void badValuesAreClearErrors() {
        Settings s = Settings.load(Map.of("EMBY_PAGE_SIZE", "lots"), dir.resolve("x"));
        assertThatThrownBy(() -> s.getInt("emby.page-size")).hasMessage("Setting emby.page-size (EMBY_PAGE_SIZE) must be a whole number, not 'lots'");
        assertThatThrownBy(() -> s.get("emby.url")).isInstanceOf(MissingSettingException.class).hasMessage("EMBY_URL is not set");
        assertThatThrownBy(() -> DotEnvFile.parse(List.of("NOT A LINE"), ".env")).hasMessage(".env line 1: expected NAME=value");
    }

    @Test
    void everySettingIsDocumentedWithACommentAboveIt() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("config", "application.properties"));
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.isBlank() && !l.startsWith("#")) {
                assertThat(lines.get(i - 1)).as("comment above " + l).startsWith("#");
            }
        }
    }

    @Test
    void theEnvExampleListsEveryVariable() throws Exception {
        String example = Files.readString(Path.of("config", "mediahub.env.example"));
        Settings s = Settings.load(Map.of(), dir.resolve("x"));
        for (String key : s.keys()) {
            assertThat(example).as("config/mediahub.env.example lists " + Settings.envName(key)).contains(Settings.envName(key) + "=");
        }
    }

    @Test
    void everySettingHasAType() {
        Settings s = Settings.load(Map.of(), dir.resolve("x"));
        for (String key : s.keys()) {
            assertThat(s.type(key)).as(key + ": add a tag such as [int] to the comment above it in config/application.properties, "
                    + "or name it -cron/-enabled/-url/-timezone/-dir").isPresent();
        }
        assertThat(s.problems()).as("the defaults are valid").isEmpty();
        assertThat(s.type("emby.page-size")).contains(new SettingType("int", "1.."));
        assertThat(s.type("emby.sync-library-cron")).contains(new SettingType("cron", ""));
        assertThat(s.type("mediahub.schedule-timezone")).contains(new SettingType("zone", ""));
    }

    @Test
    void aMalformedValueIsOneLineNamingTheVariableAndWhatItAccepts() {
        Settings s = Settings.load(Map.of("EMBY_PAGE_SIZE", "lots", "EMBY_SYNC_LIBRARY_CRON", "every day"), dir.resolve("x"));
        assertThat(s.problems()).containsExactly(
                "EMBY_PAGE_SIZE must be a whole number of at least 1, not 'lots'",
                "EMBY_SYNC_LIBRARY_CRON must be a schedule: Quartz cron such as '0 0 3 * * ?', Unix cron such as '0 3 * * *', or @daily "
                        + "(empty: not scheduled), not 'every day'");
        assertThatThrownBy(s::validate).isInstanceOf(SettingException.class)
                .hasMessageStartingWith("EMBY_PAGE_SIZE must be a whole number of at least 1, not 'lots'; EMBY_SYNC_LIBRARY_CRON must be")
                .hasMessageNotContaining("\n");
        Map<String, String> bad = Map.ofEntries(Map.entry("MEDIAHUB_SCHEDULE_TIMEZONE", "Mars/Olympus&trigger.x=1"),
                Map.entry("HTTP_READ_TIMEOUT", "soon"), Map.entry("EMBY_PRUNE_MAX_FRACTION", "2"), Map.entry("EMBY_URL", "emby.local:8096"),
                Map.entry("INTAKE_MAX_FILE_SIZE", "big"), Map.entry("MEDIAHUB_NOTIFY_FORMAT", "xml"), Map.entry("INTAKE_ARTWORK", "maybe"),
                Map.entry("HISTORY_ZONE_CORRECTION_BEFORE", "last week"), Map.entry("MEDIAHUB_DB_URL", "postgres://u:s3cret@h/db"),
                Map.entry("MEDIAHUB_NOTIFY_URL", "not a url s3cret"), Map.entry("EMBY_COMMIT_EVERY", ""));
        assertThat(Settings.load(bad, dir.resolve("x")).problems()).containsExactlyInAnyOrder(
                "MEDIAHUB_SCHEDULE_TIMEZONE must be a time zone such as Europe/Paris, UTC or +02:00, not 'Mars/Olympus&trigger.x=1'",
                "HTTP_READ_TIMEOUT must be seconds (30, 0.5) or an ISO-8601 duration (PT2M), not 'soon'",
                "EMBY_PRUNE_MAX_FRACTION must be a number from 0 to 1, not '2'",
                "EMBY_URL must be an http:// or https:// URL, not 'emby.local:8096'",
                "INTAKE_MAX_FILE_SIZE must be a size in bytes or with a K, M, G or T suffix (500M, 4G), not 'big'",
                "MEDIAHUB_NOTIFY_FORMAT must be auto, discord or json, not 'xml'",
                "INTAKE_ARTWORK must be true or false, not 'maybe'",
                "HISTORY_ZONE_CORRECTION_BEFORE must be a date-time such as 2025-08-15 11:10:00, not 'last week'",
                "MEDIAHUB_DB_URL must be a jdbc:sqlite:, jdbc:mysql: or jdbc:mariadb: URL, not 'postgres://u:***@h/db'",
                "MEDIAHUB_NOTIFY_URL must be an http:// or https:// URL",
                "EMBY_COMMIT_EVERY must be a whole number of at least 1, not empty");
        Map<String, String> good = Map.of("MEDIAHUB_SCHEDULE_TIMEZONE", "+02:00", "EMBY_SYNC_LIBRARY_CRON", "@daily", "STORE_BACKUP_CRON", "",
                "INTAKE_MAX_FILE_SIZE", "512 MiB", "HTTP_READ_TIMEOUT", "PT2M", "MEDIAHUB_LOG_LEVEL", "DEBUG", "EMBY_SYNC_LIBRARY_ENABLED", "no",
                "HISTORY_ZONE_CORRECTION_BEFORE", "2025-08-15 11:10:00");
        assertThat(Settings.load(good, dir.resolve("x")).problems()).isEmpty();
    }

    @Test
    void aVariableThatLooksLikeASettingButIsNoneIsNamedWithTheClosestOne() throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(env, "EMBY_URLL=http://emby.local\nINTAKE_INBOX=/srv/inbox\n");
        Map<String, String> vars = new java.util.HashMap<>(Map.of("EMBY_APIKEY", "k", "EMBY_API_KEY", "k", "PATH", "/usr/bin", "HOME", "/root",
                "EMBY_ZZZZZZZZZZZZZZZZ", "x", "RADARR_4K_URL", "http://r4k", "RADARR_4K_API_KEY", "k", "SONARR_ANIME_URL", "http://s"));
        vars.putAll(Map.of("FEATURES_IMDB_DIR", "/x", "MEDIAHUB_SHARED_DIR", "/x", "HTTP_PROXY", "http://proxy"));
        Settings s = Settings.load(vars, env);
        assertThat(s.unknownVariables(List.of("FEATURES_*_DIR"))).containsExactly(
                "EMBY_APIKEY is not a Mediahub setting; did you mean EMBY_API_KEY?",
                "EMBY_URLL is not a Mediahub setting; did you mean EMBY_URL?",
                "EMBY_ZZZZZZZZZZZZZZZZ is not a Mediahub setting",
                "INTAKE_INBOX is not a Mediahub setting; did you mean INTAKE_INBOX_DIR?");
        assertThat(s.unknownVariables(List.of())).contains("FEATURES_IMDB_DIR is not a Mediahub setting");
    }

    @Test
    void theEnvExampleUsedAsADotEnvIsValidAndNamesNoUnknownVariable() {
        Settings s = Settings.load(Map.of(), Path.of("config", "mediahub.env.example"));
        assertThat(s.problems()).isEmpty();
        assertThat(s.unknownVariables(List.of())).isEmpty();
    }
}
