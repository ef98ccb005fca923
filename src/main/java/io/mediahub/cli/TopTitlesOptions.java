package io.mediahub.cli;

import picocli.CommandLine.Option;

/** The options {@code similar} and {@code recommend} share: how many titles, and JSON instead of tables. */
public class TopTitlesOptions {
    @Option(names = "-k", defaultValue = "10", description = "How many titles (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--json", description = "Print JSON instead of tables.")
    boolean json;

    /** False, with the reason on stderr, when {@code -k} is below 1 (the command then exits 2). */
    boolean valid() {
        if (k < 1) {
            System.err.println("-k must be at least 1");
            return false;
        }
        return true;
    }
}
