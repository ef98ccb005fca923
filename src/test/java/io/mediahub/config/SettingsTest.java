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
}
