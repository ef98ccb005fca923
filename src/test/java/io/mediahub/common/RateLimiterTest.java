package io.mediahub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limiter on a fake clock: its sleeper moves the clock on, so nothing here waits or times anything. */
class RateLimiterTest {
    private long now = 5_000_000_000L;
    private final List<Duration> slept = new ArrayList<>();
    private final RateLimiter limiter = new RateLimiter(Duration.ofMillis(1100), () -> now, d -> {
        slept.add(d);
        now += d.toNanos();
    });

    @Test
    void theFirstRequestGoesAtOnceAndTheNextWaitsTheRestOfTheInterval() throws Exception {
        limiter.awaitTurn();
        assertThat(slept).isEmpty();

        now += 300_000_000L;
        limiter.awaitTurn();

        assertThat(slept).containsExactly(Duration.ofMillis(800));
    }

    @Test
    void requestsInARowAreSpacedOneIntervalApart() throws Exception {
        long start = now;
        for (int i = 0; i < 5; i++) {
            limiter.awaitTurn();
        }
        assertThat(slept).containsExactly(Duration.ofMillis(1100), Duration.ofMillis(1100), Duration.ofMillis(1100), Duration.ofMillis(1100));
        assertThat(now - start).isEqualTo(4 * 1_100_000_000L);
    }

    @Test
    void aCallerAfterAQuietSpellDoesNotWait() throws Exception {
        limiter.awaitTurn();
        now += 1_100_000_000L;
        limiter.awaitTurn();
        now += 60_000_000_000L;
        limiter.awaitTurn();
        assertThat(slept).isEmpty();
    }

    @Test
    void aSleepCutShortIsMadeUpBeforeTheTurnIsGiven() throws Exception {
        List<Duration> asked = new ArrayList<>();
        // A sleeper that wakes after half of what it was asked (as Thread.sleep may on some systems).
        RateLimiter early = new RateLimiter(Duration.ofMillis(1100), () -> now, d -> {
            asked.add(d);
            now += (d.toNanos() + 1) / 2;
        });
        early.awaitTurn();
        long start = now;
        early.awaitTurn();
        assertThat(now - start).isEqualTo(1_100_000_000L);
        assertThat(asked).hasSizeGreaterThan(1);
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThatThrownBy(() -> new RateLimiter(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
