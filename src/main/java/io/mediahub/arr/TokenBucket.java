package io.mediahub.arr;

import io.mediahub.common.JsonHttpClient;
import io.mediahub.common.RateLimiter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token-bucket rate limit shared by every worker of one export: {@code perSecond} requests a second, bursts of one
 * second. It paces every request the client sends, retries included ({@link JsonHttpClient#pacedBy}); a thread that
 * is interrupted before or while it waits gets an {@link InterruptedException} and sends nothing.
 */
public final class TokenBucket implements JsonHttpClient.Pacer {
    private final double perSecond;
    private final LongSupplier nanoTime;
    private final RateLimiter.Sleeper sleeper;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, LongSupplier nanoTime) {
        this(perSecond, nanoTime, d -> TimeUnit.NANOSECONDS.sleep(d.toNanos()));
    }

    /** {@code sleeper} waits for the next token: the thread's sleep in production, a fake clock's step in tests. */
    public TokenBucket(double perSecond, LongSupplier nanoTime, RateLimiter.Sleeper sleeper) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.tokens = Math.max(1, perSecond);
        this.last = nanoTime.getAsLong();
    }

    /** Nanoseconds the caller must wait before its request (0 when a token is free); takes the token. */
    public synchronized long reserve() {
        if (perSecond <= 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        tokens = Math.min(Math.max(1, perSecond), tokens + (now - last) / 1e9 * perSecond);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) (-tokens / perSecond * 1e9);
    }

    /** Returns when the caller may send one request; throws, and the caller sends nothing, when its thread is interrupted. */
    @Override
    public void awaitTurn() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before the request was sent");
        }
        long wait = reserve();
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }

    public static TokenBucket perSecond(double rate) {
        return new TokenBucket(rate, System::nanoTime);
    }
}
