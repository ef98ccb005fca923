package io.mediahub.arr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahub.config.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named instances from the settings: RADARR_<NAME>_URL / RADARR_<NAME>_API_KEY beside RADARR_URL. */
class ArrInstanceTest {
    private static Settings settings(Map<String, String> env) {
        return Settings.load(env, Path.of("no-such.env"));
    }

    @Test
    void namedInstanceVariablesAreRecognisedAndReadAsKeys() {
        assertThat(Settings.namedInstanceKey("RADARR_4K_URL")).contains("radarr.4k.url");
        assertThat(Settings.namedInstanceKey("RADARR_4K_API_KEY")).contains("radarr.4k.api-key");
        assertThat(Settings.namedInstanceKey("SONARR_UHD_ANIME_API_KEY")).contains("sonarr.uhd-anime.api-key");
        assertThat(Settings.namedInstanceKey("RADARR_URL")).isEmpty();
        assertThat(Settings.namedInstanceKey("RADARR_API_KEY")).isEmpty();
        assertThat(Settings.namedInstanceKey("RADARR_4K_CRON")).isEmpty();
        assertThat(Settings.namedInstanceKey("EMBY_4K_URL")).isEmpty();
    }

    @Test
    void eachServiceHasItsDefaultInstanceThenItsNamedOnes() {
        Settings s = settings(Map.of("RADARR_URL", "http://radarr:7878", "RADARR_4K_URL", "http://radarr4k:7878", "RADARR_4K_API_KEY", "secret-4k",
                "SONARR_ANIME_API_KEY", "secret-anime", "RADARR_EXPORT_SCORES_CRON", "0 0 6 * * ?"));

        assertThat(ArrInstance.all(s)).extracting(ArrInstance::id).containsExactly("radarr", "radarr-4k", "sonarr", "sonarr-anime");
        ArrInstance uhd = ArrInstance.of("Radarr-4K", s);
        assertThat(uhd.flowId()).isEqualTo("radarr-4k-export-scores");
        assertThat(uhd.displayName()).isEqualTo("Radarr 4k");
        assertThat(uhd.urlVariable()).isEqualTo("RADARR_4K_URL");
        assertThat(uhd.apiKeyVariable()).isEqualTo("RADARR_4K_API_KEY");
        assertThat(s.get(uhd.urlKey())).isEqualTo("http://radarr4k:7878");
        assertThat(uhd.flow().requiredSettings()).containsExactly("radarr.4k.url", "radarr.4k.api-key");
        assertThat(uhd.flow().cronSetting()).isEqualTo("radarr.export-scores-cron");
        // the key is a secret like RADARR_API_KEY; an instance with only its key set lacks its URL
        assertThat(s.describe("radarr.4k.api-key")).isEqualTo("(set)");
        assertThat(s.nonSecretValues()).containsEntry("radarr.4k.url", "http://radarr4k:7878").doesNotContainKey("radarr.4k.api-key");
        assertThat(s.find("sonarr.anime.url")).isEmpty();
        ArrInstance radarr = ArrInstance.of("radarr", s);
        assertThat(radarr.isDefault()).isTrue();
        assertThat(radarr.flow()).isEqualTo(ArrFlows.RADARR);
        assertThat(radarr.urlVariable()).isEqualTo("RADARR_URL");
        assertThatThrownBy(() -> ArrInstance.of("radarr-hd", s)).hasMessageContaining("radarr, radarr-4k, sonarr, sonarr-anime");
    }
}
