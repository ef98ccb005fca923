package io.mediahub.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse("7", clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Sun, 22 Nov 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }

    @Test
    void findsTheHeaderWhateverItsCase() {
        assertThat(RetryAfter.find(java.util.Map.of("retry-after", "3", "X", "1"), clock)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.find(java.util.Map.of("X", "1"), clock)).isEmpty();
        assertThat(RetryAfter.find(null, clock)).isEmpty();
    }

    @Test
    void jitterMayLengthenAServersWaitButNeverShortensIt() {
        Duration base = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(60);
        // A server's Retry-After: 2 was retried after 1.5-1.7 s when the jitter could go both ways.
        for (double r : new double[] {0.0, 0.01, 0.5, 0.999}) {
            assertThat(RetryAfter.delay(1, Duration.ofSeconds(2), base, max, r)).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2500));
            assertThat(RetryAfter.delay(4, Duration.ofSeconds(2), base, max, r)).as("the server's wait, not the backoff")
                    .isBetween(Duration.ofSeconds(2), Duration.ofMillis(2500));
        }
        assertThat(RetryAfter.delay(1, Duration.ofSeconds(2), base, max, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfter.delay(1, Duration.ofSeconds(2), base, max, 0.999)).isEqualTo(Duration.ofMillis(2500));
        // HTTP_RETRY_MAX_DELAY still caps a server's wait.
        assertThat(RetryAfter.delay(1, Duration.ofSeconds(300), base, max, 0.0)).isEqualTo(max);
        assertThat(RetryAfter.delay(1, Duration.ofSeconds(59), base, max, 0.999)).isEqualTo(max);
    }

    @Test
    void withoutRetryAfterTheBackoffDoublesWithJitterBothWaysUpToTheMaximum() {
        Duration base = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(5);
        assertThat(RetryAfter.delay(1, null, base, max, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryAfter.delay(2, null, base, max, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfter.delay(3, null, base, max, 0.0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.delay(3, null, base, max, 0.999)).isEqualTo(Duration.ofMillis(4998));
        assertThat(RetryAfter.delay(9, null, base, max, 0.999)).isEqualTo(max);
        assertThat(RetryAfter.delay(9, null, base, max, 0.0)).isEqualTo(Duration.ofMillis(3750));
    }
}
