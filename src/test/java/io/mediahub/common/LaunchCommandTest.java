package io.mediahub.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchCommandTest {
    private static final Path WORK = Path.of("/srv/mediahub");

    @Test
    void theCommandIsTheJarAsItWasRunOrTheLauncher() {
        assertThat(LaunchCommand.of(null, WORK.resolve("target/mediahub.jar"), WORK)).isEqualTo("java -jar target/mediahub.jar");
        assertThat(LaunchCommand.of(null, Path.of("/opt/media hub/mediahub.jar"), WORK)).isEqualTo("java -jar '/opt/media hub/mediahub.jar'");
        assertThat(LaunchCommand.of("bin/mediahub", WORK.resolve("target/mediahub.jar"), WORK)).isEqualTo("bin/mediahub");
        assertThat(LaunchCommand.of("  ", null, WORK)).isEqualTo("java -jar target/mediahub.jar");
        assertThat(LaunchCommand.quoted("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void fromTheTestsClassesTheReadmesCommand() {
        assertThat(LaunchCommand.verb("identify PATH")).isEqualTo("java -jar target/mediahub.jar identify PATH");
    }
}
