package io.mediahub.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * {@link RequiresTool} and {@link SkipReporter} on small test classes run by a JUnit launcher of their own: a class
 * whose program is missing reports each test skipped with the reason on one console line, or fails them all when
 * every integration test is required; a program that is there lets the tests run.
 */
class RequiresToolTest {
    static final String MISSING = "mediahub-test-no-such-program";

    @RequiresTool({"sh", MISSING})
    static class NeedsAMissingProgram {
        @Test
        void first() {
        }

        @Test
        void second() {
        }
    }

    @RequiresTool("sh")
    static class NeedsAProgramThatIsThere {
        @Test
        void runs() {
        }

        @Test
        @RequiresTool(MISSING + "|sh")
        void anyOfTheAlternativesWillDo() {
        }

        @Test
        @RequiresTool(MISSING)
        void aMethodCanNeedMore() {
        }
    }

    static class AssumesInBeforeAll {
        @BeforeAll
        static void server() {
            Assumptions.assumeTrue(false, "no such server on 127.0.0.1");
        }

        @Test
        void notReached() {
        }
    }

    static class NeedsAnAbsentCorpus {
        @Test
        void evaluation() {
            EvaluationCorpus.require("SomeEvaluation", "testdata/mediahub-test-no-such-corpus");
        }
    }

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private TestExecutionSummary run(Class<?> tests, boolean requireAll) {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        // The build's own reporter (registered through the service file) stays out: the test's reporter prints into console.
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(tests))
                        .configurationParameter(RequiresToolCondition.REQUIRE_ALL_PARAMETER, String.valueOf(requireAll)).build(),
                        summary, new SkipReporter(new PrintStream(console, true, StandardCharsets.UTF_8)));
        return summary.getSummary();
    }

    private List<String> lines() {
        return console.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aMissingProgramSkipsEveryTestOfTheClassAndSaysWhyOnOneLine() {
        TestExecutionSummary s = run(NeedsAMissingProgram.class, false);

        assertThat(s.getTestsFoundCount()).isEqualTo(2);
        assertThat(s.getTestsSkippedCount()).as("reported as skipped tests, not as no tests").isEqualTo(2);
        assertThat(s.getTestsFailedCount()).isZero();
        assertThat(lines()).containsExactly("[SKIPPED] " + NeedsAMissingProgram.class.getName() + ": 2 tests not run: " + MISSING
                + " is not installed");
    }

    @Test
    void underRequireAllAMissingProgramFailsTheTests() {
        TestExecutionSummary s = run(NeedsAMissingProgram.class, true);

        assertThat(s.getTestsFailedCount()).isEqualTo(2);
        assertThat(s.getFailures()).first().satisfies(f -> assertThat(f.getException()).hasMessage(MISSING
                + " is not installed, and MEDIAHUB_REQUIRE_ALL=1 makes every integration test required"));
        assertThat(lines()).isEmpty();
    }

    @Test
    void aProgramOnThePathLetsTheTestsRunAndAMethodMayNeedMore() {
        TestExecutionSummary s = run(NeedsAProgramThatIsThere.class, false);

        assertThat(s.getTestsSucceededCount()).isEqualTo(2);
        assertThat(s.getTestsSkippedCount()).isEqualTo(1);
        assertThat(lines()).containsExactly("[SKIPPED] " + NeedsAProgramThatIsThere.class.getName() + ": 1 test not run: " + MISSING
                + " is not installed");
    }

    @Test
    void theReasonNamesTheDebianPackages() {
        assertThat(RequiresToolCondition.describe(List.of("ffmpeg", "ffprobe", "fpcalc")))
                .isEqualTo("ffmpeg, ffprobe, fpcalc are not installed (apt-get install ffmpeg libchromaprint-tools)");
        assertThat(RequiresToolCondition.describe(List.of("HandBrakeCLI"))).isEqualTo("HandBrakeCLI is not installed (apt-get install handbrake-cli)");
        assertThat(RequiresToolCondition.describe(List.of("chromium|google-chrome")))
                .isEqualTo("chromium or google-chrome is not installed (apt-get install chromium)");
    }

    @Test
    void anAssumptionInBeforeAllIsPrintedWithItsReason() {
        run(AssumesInBeforeAll.class, false);

        assertThat(lines()).containsExactly("[SKIPPED] " + AssumesInBeforeAll.class.getName() + ": no test run: no such server on 127.0.0.1");
    }

    @Test
    void anAbsentEvaluationCorpusSkipsWithOneLineSayingHowToRunIt() {
        TestExecutionSummary s = run(NeedsAnAbsentCorpus.class, true);

        assertThat(s.getTestsAbortedCount()).as("an evaluation is optional even when every integration test is required").isOne();
        assertThat(s.getTestsFailedCount()).isZero();
        assertThat(lines()).containsExactly("[SKIPPED] " + NeedsAnAbsentCorpus.class.getName() + ": 1 test not run: SomeEvaluation not run: its cases are not in the repository; to run it, put them in "
                + "../shared/testdata/mediahub-test-no-such-corpus beside the checkout or set MEDIAHUB_SHARED_DIR to a folder holding "
                + "testdata/mediahub-test-no-such-corpus");
    }
}
