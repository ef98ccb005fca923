package io.mediahub.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Other projects' test cases that measure Mediahub (guessit's file names, for one) are evaluations, not unit tests, and
 * are not part of the repository. An evaluation runs when its folder is given: under {@code $MEDIAHUB_SHARED_DIR}, or
 * under {@code ../shared} beside the checkout. Otherwise the test is reported skipped, with one line saying what was not
 * run and how to run it.
 */
public final class EvaluationCorpus {
    /** The variable naming the folder that holds the evaluation corpora. */
    public static final String VARIABLE = "MEDIAHUB_SHARED_DIR";

    private EvaluationCorpus() {
    }

    /** The folders searched, in order, for {@code relative} (such as {@code testdata/filenames/guessit}). */
    static List<Path> candidates(String env, String relative) {
        List<Path> roots = new ArrayList<>();
        if (env != null && !env.isBlank()) {
            roots.add(Path.of(env));
        }
        roots.add(Path.of("..", "shared"));
        return roots.stream().map(r -> r.resolve(relative)).toList();
    }

    /** The corpus folder, when one of the places holds it. */
    public static Optional<Path> find(String relative) {
        return candidates(System.getenv(VARIABLE), relative).stream().filter(Files::isDirectory).findFirst();
    }

    /** The line printed when the corpus is absent: what was not run and how to run it. */
    public static String notRun(String what, String relative) {
        return what + " not run: its cases are not in the repository; to run it, put them in ../shared/" + relative
                + " beside the checkout or set " + VARIABLE + " to a folder holding " + relative;
    }

    /**
     * The corpus folder; when it is absent the calling test is skipped (an aborted test, reported as skipped) with
     * {@link #notRun}'s line as its reason.
     */
    public static Path require(String what, String relative) {
        Optional<Path> dir = find(relative);
        Assumptions.assumeTrue(dir.isPresent(), () -> notRun(what, relative));
        return dir.orElseThrow();
    }
}
