package io.mediahub.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The annotated test (or every test of the annotated class) needs these programs on {@code PATH}. When one is missing,
 * each such test is reported skipped with a reason naming the program and the Debian package that brings it, and
 * {@link SkipReporter} prints that reason on the console; with {@code MEDIAHUB_REQUIRE_ALL=1} (set by {@code .ci/run})
 * the tests fail instead. A name may list alternatives: {@code "chromium|google-chrome"}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RequiresToolCondition.class)
public @interface RequiresTool {
    String[] value();
}
