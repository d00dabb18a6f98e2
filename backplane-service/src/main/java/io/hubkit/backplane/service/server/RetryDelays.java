package io.hubkit.backplane.service.server;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The pause before reconnecting a default server connection, as the Azure SDK computes it:
 * {@code 2^n s + rand(0..1 s)} for the n-th consecutive failure while n ≤ 5, then {@code 60 s + rand(0..1 s)}.
 * Stateless and thread-safe.
 */
public final class RetryDelays {

    private static final int MAX_EXPONENT = 5;

    private RetryDelays() {
    }

    /** The delay before attempt number {@code failures} + 1 (failures counted from 0). */
    public static Duration afterFailures(int failures) {
        long jitter = ThreadLocalRandom.current().nextLong(1000);
        long base = failures <= MAX_EXPONENT ? (1L << Math.max(0, failures)) * 1000 : 60_000;
        return Duration.ofMillis(base + jitter);
    }
}
