package io.mediahub.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * {@link RequiresTool}'s condition. It decides per test, not per class, so a class whose program is missing reports
 * each of its tests as skipped (never {@code Tests run: 0}, as an assumption in {@code @BeforeAll} does).
 */
public final class RequiresToolCondition implements ExecutionCondition {
    /**
     * Set to 1 in the environment, a missing program fails the test instead of skipping it. The JUnit configuration
     * parameter {@value #REQUIRE_ALL_PARAMETER} ({@code true}/{@code false}), when given, decides instead.
     */
    public static final String REQUIRE_ALL = "MEDIAHUB_REQUIRE_ALL";
    public static final String REQUIRE_ALL_PARAMETER = "mediahub.require-all";

    /** The Debian package that brings each program the tests run. */
    static final Map<String, String> PACKAGES = Map.of("ffmpeg", "ffmpeg", "ffprobe", "ffmpeg", "fpcalc", "libchromaprint-tools",
            "mediainfo", "mediainfo", "HandBrakeCLI", "handbrake-cli", "yt-dlp", "yt-dlp", "dvdauthor", "dvdauthor",
            "genisoimage", "genisoimage", "chromium", "chromium", "chromedriver", "chromium-driver");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("decided for each test");
        }
        Set<String> required = new LinkedHashSet<>();
        context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, RequiresTool.class))
                .ifPresent(a -> required.addAll(Arrays.asList(a.value())));
        context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, RequiresTool.class))
                .ifPresent(a -> required.addAll(Arrays.asList(a.value())));
        List<String> missing = new ArrayList<>();
        for (String tool : required) {
            if (Arrays.stream(tool.split("\\|")).noneMatch(RequiresToolCondition::onPath)) {
                missing.add(tool);
            }
        }
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("found " + String.join(", ", required));
        }
        String reason = describe(missing);
        if (requireAll(context)) {
            throw new AssertionError(reason + ", and " + REQUIRE_ALL + "=1 makes every integration test required");
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    static String describe(List<String> missing) {
        List<String> parts = new ArrayList<>();
        Set<String> packages = new LinkedHashSet<>();
        for (String tool : missing) {
            List<String> names = Arrays.asList(tool.split("\\|"));
            parts.add(String.join(" or ", names));
            names.stream().map(PACKAGES::get).filter(p -> p != null).findFirst().ifPresent(packages::add);
        }
        return String.join(", ", parts) + (missing.size() == 1 ? " is" : " are") + " not installed"
                + (packages.isEmpty() ? "" : " (apt-get install " + String.join(" ", packages) + ")");
    }

    private static boolean requireAll(ExtensionContext context) {
        Optional<Boolean> parameter = context.getConfigurationParameter(REQUIRE_ALL_PARAMETER, Boolean::parseBoolean);
        return parameter.orElseGet(() -> "1".equals(System.getenv(REQUIRE_ALL)));
    }

    /** An executable file of that name in one of {@code PATH}'s folders. */
    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, program);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return true;
                }
            }
        }
        return false;
    }
}
