package io.hubkit.benchmarks.scenarios;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Runs an operation at a fixed rate for a fixed time on the calling thread (open loop: operations
 * are due by the clock, whether or not earlier ones were answered). Ticks every millisecond and
 * runs the operations that fell due since the last tick, so rates far above 1,000/s work. Bounded:
 * at most {@code rate × duration} operations, and it returns once the duration is over.
 */
public final class RateDriver {

    private static final long TICK_NANOS = 1_000_000;

    private RateDriver() {
    }

    /**
     * Calls {@code operation} with sequence numbers from {@code firstSequence} on, {@code perSecond}
     * times per second for {@code duration}. Returns the number of operations run.
     */
    public static long run(double perSecond, Duration duration, long firstSequence, LongConsumer operation) {
        if (perSecond <= 0) {
            sleep(duration.toNanos());
            return 0;
        }
        long start = System.nanoTime();
        long length = duration.toNanos();
        long total = (long) Math.floor(perSecond * length / 1e9);
        long done = 0;
        while (done < total) {
            long elapsed = System.nanoTime() - start;
            if (elapsed >= length) {
                break;
            }
            long due = Math.min(total, (long) Math.floor(perSecond * elapsed / 1e9) + 1);
            while (done < due) {
                operation.accept(firstSequence + done);
                done++;
            }
            LockSupport.parkNanos(TICK_NANOS);
        }
        long left = length - (System.nanoTime() - start);
        if (left > 0) {
            sleep(left);
        }
        return done;
    }

    static void sleep(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }
}
