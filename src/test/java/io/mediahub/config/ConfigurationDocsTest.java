package io.mediahub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/configuration.md keeps up with config/application.properties: every variable, every secret, every schedule. */
class ConfigurationDocsTest {
    private static final Path DOC = Path.of("docs", "configuration.md");

    @Test
    void everySettingIsInTheReference() throws IOException {
        assertThat(notNamedIn(section("Reference"), keys())).as("variables missing from docs/configuration.md, Reference").isEmpty();
    }

    @Test
    void everySecretIsListedUnderSecrets() throws IOException {
        String secrets = section("Secrets");
        Set<String> secretKeys = new TreeSet<>();
        keys().stream().filter(Settings::isSecret).forEach(secretKeys::add);
        assertThat(secretKeys).contains("radarr.api-key", "sonarr.api-key", "emby.api-key");
        assertThat(notNamedIn(secrets, secretKeys)).as("secrets missing from docs/configuration.md, Secrets").isEmpty();
    }

    @Test
    void everyScheduleAndSwitchIsListedUnderSchedules() throws IOException {
        String schedules = section("Schedules");
        Set<String> scheduleKeys = new TreeSet<>();
        Set<String> keys = keys();
        // Every schedule, the switch beside it, and the inbox watcher's switch (a switch such as arr.cache-enabled is no schedule's).
        keys.stream().filter(k -> k.endsWith("-cron")).forEach(k -> {
            scheduleKeys.add(k);
            String enabled = k.substring(0, k.length() - "-cron".length()) + "-enabled";
            if (keys.contains(enabled)) {
                scheduleKeys.add(enabled);
            }
        });
        scheduleKeys.add("intake.watch-enabled");
        assertThat(scheduleKeys).contains("radarr.export-scores-cron", "radarr.export-scores-enabled", "intake.scan-library-enabled")
                .hasSizeGreaterThanOrEqualTo(18);
        assertThat(notNamedIn(schedules, scheduleKeys)).as("schedule settings missing from docs/configuration.md, Schedules").isEmpty();
    }

    /** The variables of {@code keys} that {@code text} does not name in backticks. */
    private static Set<String> notNamedIn(String text, Set<String> keys) {
        Set<String> missing = new TreeSet<>();
        keys.stream().map(Settings::envName).filter(v -> !text.contains("`" + v + "`")).forEach(missing::add);
        return missing;
    }

    private static Set<String> keys() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("config", "application.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    /** The text of one {@code ## } section, up to the next one. */
    private static String section(String title) throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("\n## " + title + "\n");
        assertThat(start).as("docs/configuration.md has a section '## " + title + "'").isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }
}
