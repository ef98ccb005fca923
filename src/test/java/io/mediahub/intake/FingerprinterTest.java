package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** fpcalc's argument list (no name can be an option) and its JSON. */
class FingerprinterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFileIsAbsoluteAndAfterTheEndOfOptions() {
        assertThat(Fingerprinter.arguments("fpcalc", Path.of("/inbox/-rf.mp3")))
                .containsExactly("fpcalc", "-json", "-ignore-errors", "--", "/inbox/-rf.mp3");
        String cwd = Path.of("").toAbsolutePath().toString();
        assertThat(Fingerprinter.arguments("/usr/bin/fpcalc", Path.of("--help.flac")))
                .containsExactly("/usr/bin/fpcalc", "-json", "-ignore-errors", "--", cwd + "/--help.flac");
    }

    @Test
    void readsTheDurationAndFingerprint() throws Exception {
        Fingerprinter.Fingerprint fp = Fingerprinter.parse("{\"duration\": 5.04, \"fingerprint\": \"AQAAE0mUaEkSZSoAAAAAAAAA\"}", JSON);
        assertThat(fp.durationSeconds()).isEqualTo(5.04);
        assertThat(fp.fingerprint()).isEqualTo("AQAAE0mUaEkSZSoAAAAAAAAA");
        assertThat(fp.toString()).doesNotContain("AQAAE0mUaEkSZSoAAAAAAAAA");
    }

    @Test
    void noFingerprintIsAClearFailure() {
        assertThatThrownBy(() -> Fingerprinter.parse("{\"duration\": 0.5, \"fingerprint\": \"\"}", JSON))
                .hasMessage("fpcalc gave no fingerprint (too short, or no audio it could decode)");
        assertThatThrownBy(() -> Fingerprinter.parse("ERROR: Could not open the input file", JSON))
                .hasMessage("fpcalc printed something that is not JSON");
    }
}
