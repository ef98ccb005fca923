package io.mediahub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahub.flow.FlowOutcome;
import io.mediahub.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One intake test's folders ({@code data/inbox} and {@code library} under the test's temporary folder) and the real
 * application started on them, drops taken at once (no settle time) and remote calls tried twice.
 */
final class IntakeRun implements AutoCloseable {
    final Path dir;
    final Path inbox;
    final Path library;
    TestApp app;

    IntakeRun(Path dir) throws Exception {
        this.dir = dir;
        this.inbox = dir.resolve("data/inbox");
        this.library = dir.resolve("library");
        Files.createDirectories(inbox);
    }

    /** Starts the application with the test's fakes' settings ({@code env}) and any the test adds ({@code extra}). */
    TestApp start(Map<String, String> env, Map<String, String> extra) throws Exception {
        Map<String, String> all = new HashMap<>();
        all.put("MEDIAHUB_LIBRARY_DIR", library.toString());
        all.put("INTAKE_SETTLE_TIME", "0");
        all.put("HTTP_MAX_ATTEMPTS", "2");
        all.putAll(env);
        all.putAll(extra);
        app = TestApp.start(dir.resolve("data"), all);
        return app;
    }

    /** Runs intake-scan-inbox once; the run itself must succeed. */
    FlowOutcome scan() {
        FlowOutcome o = app.run("intake-scan-inbox");
        assertThat(o.ok()).as(String.valueOf(o.error())).isTrue();
        return o;
    }

    static List<String> tree(Path root) throws Exception {
        return TestMedia.files(root);
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
    }
}
