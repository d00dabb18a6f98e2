package io.hubkit.benchmarks.scenarios;

import io.hubkit.benchmarks.load.DeliveryKind;
import io.hubkit.benchmarks.load.LoadListener;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counts deliveries of one kind (others are ignored) and records their latency (microseconds, HdrHistogram with three
 * significant digits up to one minute: fixed memory whatever the rate). Thread-safe for any
 * number of reporting event loops; windows are opened and closed by one scenario thread.
 */
public final class Measurement implements LoadListener {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);
    private static final int KEPT_FAILURES = 10;

    private final DeliveryKind measured;
    private final LongAdder deliveries = new LongAdder();
    private final LongAdder joins = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final Queue<String> failureTexts = new ConcurrentLinkedQueue<>();
    private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);

    public Measurement(DeliveryKind measured) {
        this.measured = measured;
    }

    @Override
    public void delivered(DeliveryKind kind, long sentNanos) {
        if (kind != measured) {
            return;
        }
        deliveries.increment();
        long micros = (System.nanoTime() - sentNanos) / 1000;
        latency.recordValue(Math.max(0, Math.min(micros, HIGHEST_MICROS)));
    }

    @Override
    public void joined() {
        joins.increment();
    }

    @Override
    public void failed(String reason) {
        failures.increment();
        if (failureTexts.size() < KEPT_FAILURES) {
            failureTexts.offer(reason);
        }
    }

    /** Deliveries of the measured kind so far. */
    public long deliveries() {
        return deliveries.sum();
    }

    public long joins() {
        return joins.sum();
    }

    public long failures() {
        return failures.sum();
    }

    /** The first few failure texts (at most ten). */
    public List<String> failureTexts() {
        return List.copyOf(failureTexts);
    }

    /** Forgets the latency recorded so far: the next {@link #takeLatency()} covers from now on. */
    public void resetLatency() {
        latency.getIntervalHistogram();
    }

    /** The latency recorded since the last reset or take. */
    public Histogram takeLatency() {
        return latency.getIntervalHistogram();
    }
}
