package io.mediahub.arr;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/** A token-bucket rate limit shared by every worker of one export: {@code perSecond} requests a second, bursts of one second. */
public final class TokenBucket {
    private final double perSecond;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public TokenBucket(double perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
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

    /** Blocks until a token is free. */
    public void acquire() {
        long wait = reserve();
        long deadline = System.nanoTime() + wait;
        while (wait > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = deadline - System.nanoTime();
        }
    }

    public static TokenBucket perSecond(double rate) {
        return new TokenBucket(rate, System::nanoTime);
    }

    static long seconds(long s) {
        return TimeUnit.SECONDS.toNanos(s);
    }
}
