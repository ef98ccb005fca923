package io.mediahub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A file's Chromaprint fingerprint, from {@code fpcalc -json -ignore-errors -- /absolute/path}: {@code --} and the
 * absolute path together make sure a name can never be read as an option. Without {@code -ignore-errors}, fpcalc 1.5
 * exits 3 after a fingerprint it computed fine when the decoder reports anything at the end of the file; with it, 0.
 */
public final class Fingerprinter {
    private final String fpcalc;
    private final Duration timeout;
    private final ObjectMapper json;

    /** What fpcalc printed: the audio's duration in seconds and the compressed, base64 fingerprint. */
    public record Fingerprint(double durationSeconds, String fingerprint) {
        @Override
        public String toString() {
            return "Fingerprint[" + durationSeconds + " s, " + fingerprint.length() + " characters]";
        }
    }

    public Fingerprinter(String fpcalc, Duration timeout, ObjectMapper json) {
        this.fpcalc = fpcalc;
        this.timeout = timeout;
        this.json = json;
    }

    /** The argument list; the file is always absolute and after {@code --}. */
    static List<String> arguments(String fpcalc, Path file) {
        return List.of(fpcalc, "-json", "-ignore-errors", "--", file.toAbsolutePath().normalize().toString());
    }

    public Fingerprint fingerprint(Path file) throws ToolRunner.ToolException {
        ToolRunner.Output out = ToolRunner.run(arguments(fpcalc, file), timeout, Set.of(0));
        return parse(out.stdout(), json);
    }

    static Fingerprint parse(String stdout, ObjectMapper json) throws ToolRunner.ToolException {
        JsonNode doc;
        try {
            doc = json.readTree(stdout);
        } catch (IOException e) {
            throw new ToolRunner.ToolException("fpcalc printed something that is not JSON", false);
        }
        String fp = doc == null ? "" : doc.path("fingerprint").asText("");
        double duration = doc == null ? 0 : doc.path("duration").asDouble(0);
        if (fp.isBlank() || duration <= 0) {
            throw new ToolRunner.ToolException("fpcalc gave no fingerprint (too short, or no audio it could decode)", false);
        }
        return new Fingerprint(duration, fp);
    }
}
