package io.mediahub.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The team's shared folder ({@code shared/}: the services' API specs and example answers, other projects' test corpora)
 * that tests read. Found at {@code $MEDIAHUB_SHARED_DIR}, else beside the checkout ({@code ../shared}), else at
 * {@code /work/shared} (where it lives on the team's machines), so a clone anywhere, such as CI's temporary folder, finds it.
 */
public final class SharedData {
    private static final Path ROOT = locate();

    private SharedData() {
    }

    /** {@code shared/} itself. */
    public static Path root() {
        return ROOT;
    }

    /** {@code shared/apis/<parts…>}. */
    public static Path apis(String... parts) {
        return ROOT.resolve(Path.of("apis", parts));
    }

    /** {@code shared/testdata/<parts…>}. */
    public static Path testdata(String... parts) {
        return ROOT.resolve(Path.of("testdata", parts));
    }

    private static Path locate() {
        List<Path> tried = new ArrayList<>();
        String env = System.getenv("MEDIAHUB_SHARED_DIR");
        if (env != null && !env.isBlank()) {
            tried.add(Path.of(env));
        }
        tried.add(Path.of("..", "shared"));
        tried.add(Path.of("/work/shared"));
        for (Path p : tried) {
            if (Files.isDirectory(p.resolve("apis"))) {
                return p;
            }
        }
        throw new IllegalStateException("the shared folder (API examples, test corpora) is not at any of " + tried
                + "; set MEDIAHUB_SHARED_DIR to it");
    }
}
