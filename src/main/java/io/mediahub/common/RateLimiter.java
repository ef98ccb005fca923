package io.mediahub.common;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * At most one request per interval, across every thread and every client that shares the limiter (MusicBrainz allows
 * one request per second per address; Mediahub keeps 1.1 s between two). A caller whose turn has not come waits; the
 * lock is held while it waits, so callers go one after another in the order they arrived.
 */
public final class RateLimiter implements JsonHttpClient.Pacer {
    /** How the limiter waits: {@link Thread#sleep} in production, a fake clock's step in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private boolean used;
    private long nextAllowed;

    public RateLimiter(Duration interval) {
        this(interval, System::nanoTime, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    public RateLimiter(Duration interval, LongSupplier nanoTime, Sleeper sleeper) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("a rate limit's interval cannot be negative: " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Returns when the caller may send its request; the next caller's turn is one interval after this one's. */
    @Override
    public synchronized void awaitTurn() throws InterruptedException {
        long now = nanoTime.getAsLong();
        while (used && now - nextAllowed < 0) {
            sleeper.sleep(Duration.ofNanos(nextAllowed - now));
            now = nanoTime.getAsLong();
        }
        used = true;
        nextAllowed = now + intervalNanos;
    }
}
