package io.mediahub.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints every skipped test's reason on the console, one line per test class and reason:
 * {@code [SKIPPED] io.mediahub.intake.IntakeIT: 8 tests not run: ffmpeg is not installed (apt-get install ffmpeg)}.
 * Surefire and Failsafe count skipped tests but print no reason, and send the tests' own output to files, so the line
 * goes to the process's standard error stream, which they pass to the console as it is. Registered for every test run
 * through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class SkipReporter implements TestExecutionListener {
    private static final String ASSUMPTION = "Assumption failed: ";
    private static final int WHOLE_CLASS = -1;

    /** class name -> reason -> number of tests ({@link #WHOLE_CLASS}: the class itself did not run) */
    private final Map<String, Map<String, Integer>> skipped = new ConcurrentHashMap<>();
    private final PrintStream console;

    public SkipReporter() {
        this(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    SkipReporter(PrintStream console) {
        this.console = console;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (isClass(test)) {
            // A whole class disabled: its tests are not listed one by one.
            print(classOf(test).orElseThrow(), Map.of(text(reason), WHOLE_CLASS));
        } else {
            classOf(test).ifPresent(c -> count(c, text(reason), 1));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = text(result.getThrowable().map(Throwable::getMessage).orElse(null));
            classOf(test).ifPresent(c -> count(c, reason, isClass(test) ? WHOLE_CLASS : 1));
        }
        if (isClass(test)) {
            classOf(test).map(skipped::remove).ifPresent(reasons -> print(classOf(test).orElseThrow(), reasons));
        }
    }

    /** An assumption's message without JUnit's prefix. */
    private static String text(String reason) {
        if (reason == null || reason.isBlank()) {
            return "no reason given";
        }
        return reason.startsWith(ASSUMPTION) ? reason.substring(ASSUMPTION.length()) : reason;
    }

    private synchronized void count(String className, String reason, int n) {
        skipped.computeIfAbsent(className, k -> new LinkedHashMap<>()).merge(reason, n, (a, b) -> a == WHOLE_CLASS || b == WHOLE_CLASS ? WHOLE_CLASS : a + b);
    }

    private synchronized void print(String className, Map<String, Integer> reasons) {
        reasons.forEach((reason, n) -> console.println("[SKIPPED] " + className + ": "
                + (n == WHOLE_CLASS ? "no test run" : n + (n == 1 ? " test" : " tests") + " not run") + ": " + reason));
    }

    private static boolean isClass(TestIdentifier test) {
        return test.isContainer() && test.getSource().filter(ClassSource.class::isInstance).isPresent();
    }

    private static Optional<String> classOf(TestIdentifier test) {
        return test.getSource().map(s -> s instanceof MethodSource m ? m.getClassName() : s instanceof ClassSource c ? c.getClassName() : null);
    }
}
