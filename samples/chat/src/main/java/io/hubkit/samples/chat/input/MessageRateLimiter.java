package io.hubkit.samples.chat.input;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code burst} tokens, gains {@code perSecond} tokens per second, and
 * each accepted event takes one. One instance per connection and kind of event. Thread-safe; never
 * blocks or sleeps.
 */
public final class MessageRateLimiter {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;

    /**
     * @param burst     events that may happen back to back (the bucket's size)
     * @param perSecond sustained events per second
     * @param nanoClock a monotonic clock in nanoseconds, e.g. {@code System::nanoTime}
     */
    public MessageRateLimiter(int burst, double perSecond, LongSupplier nanoClock) {
        if (burst <= 0 || !(perSecond > 0)) {
            throw new IllegalArgumentException("burst and perSecond must be positive");
        }
        this.capacity = burst;
        this.tokensPerNano = perSecond / NANOS_PER_SECOND;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.lastRefill = nanoClock.getAsLong();
    }

    /** Takes a token if one is available; {@code false} means the event should be refused. */
    public synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
        lastRefill = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
