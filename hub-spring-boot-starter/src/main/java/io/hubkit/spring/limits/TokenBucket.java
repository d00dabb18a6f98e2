package io.hubkit.spring.limits;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code capacity} tokens, refilled at {@code perSecond}, one taken per
 * {@link #tryTake()}. Thread-safe (synchronized; its taker is normally one connection's receive
 * loop, so there is no contention). Time comes from a nanosecond clock.
 */
final class TokenBucket {

    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, int capacity, LongSupplier nanoClock) {
        this.perNano = perSecond / 1_000_000_000d;
        this.capacity = capacity;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.last = nanoClock.getAsLong();
    }

    /** Takes a token if one is there. */
    synchronized boolean tryTake() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
