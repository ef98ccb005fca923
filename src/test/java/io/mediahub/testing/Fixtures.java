package io.mediahub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API answers the fake servers replay: the project's own files under {@code src/test/resources/fixtures/<service>/},
 * written from each service's specification (the README.md in each folder names the specification and its version).
 */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** The text of {@code fixtures/<path>}, for example {@code text("tmdb/genre-movie-list.en.json")}. */
    public static String text(String path) {
        String resource = "/fixtures/" + path;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource + " on the test classpath (src/test/resources" + resource + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fixture " + resource, e);
        }
    }

    /** {@code fixtures/<path>} read as JSON. */
    public static JsonNode json(String path) {
        try {
            return JSON.readTree(text(path));
        } catch (IOException e) {
            throw new UncheckedIOException("the fixture fixtures/" + path + " is not JSON", e);
        }
    }

    /** {@code fixtures/<path>}, a JSON object, as a fresh copy a fake may change. */
    public static ObjectNode object(String path) {
        return (ObjectNode) json(path);
    }
}
