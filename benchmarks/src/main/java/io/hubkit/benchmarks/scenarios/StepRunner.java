package io.hubkit.benchmarks.scenarios;

import io.hubkit.benchmarks.Progress;
import io.hubkit.benchmarks.report.LatencySummary;
import io.hubkit.benchmarks.report.RateStep;
import io.hubkit.benchmarks.servers.ProcessCpu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import java.util.function.LongUnaryOperator;

/**
 * Runs one rate step: a warm-up at the step's rate (not measured), then the measurement window,
 * then a drain until nothing more arrives (at most ten seconds) so that the next step starts
 * clean. Deliveries are counted within the window; latency is every delivery's arrival time minus
 * the send time in its payload.
 *
 * <p>The window is measured in one-second slices. A step is <em>sustained</em> when no connection
 * failed, at least {@value #SUSTAINED_DELIVERY_RATIO} of the expected deliveries arrived within the
 * window, and the median of the slices' p99 latencies stayed at or under the scenario's limit
 * ({@value #THROUGHPUT_P99_LIMIT_MS} ms for broadcast and group — beyond that the server is queueing,
 * not keeping up — and 10 ms for echo). The median makes one stall of the shared machine cost one
 * slice, not the step; queueing raises every slice. The whole window's percentiles are reported
 * as they are.
 */
public final class StepRunner {

    /** Share of the expected deliveries that must arrive in the window for a sustained step. */
    public static final double SUSTAINED_DELIVERY_RATIO = 0.95;
    /** p99 limit of a sustained broadcast or group step, in milliseconds. */
    public static final double THROUGHPUT_P99_LIMIT_MS = 250;

    private static final Duration SLICE = Duration.ofSeconds(1);
    private static final long QUIET_NANOS = Duration.ofMillis(300).toNanos();
    private static final long MAX_DRAIN_NANOS = Duration.ofSeconds(10).toNanos();

    private final Measurement measurement;
    private final List<Long> serverPids;
    private final Duration warmup;
    private final Duration window;
    private final double p99LimitMs;

    public StepRunner(Measurement measurement, List<Long> serverPids, Duration warmup, Duration window,
                      double p99LimitMs) {
        this.measurement = measurement;
        this.serverPids = List.copyOf(serverPids);
        this.warmup = warmup;
        this.window = window;
        this.p99LimitMs = p99LimitMs;
    }

    /**
     * Runs {@code operation} {@code perSecond} times a second; the operation sends one message and
     * returns how many deliveries it should produce.
     */
    public RateStep run(String label, int clients, int servers, double perSecond, LongUnaryOperator operation) {
        long failuresBefore = measurement.failures();
        long[] expected = new long[1];
        if (!warmup.isZero()) {
            RateDriver.run(perSecond, warmup, 0, operation::applyAsLong);
        }
        measurement.resetLatency();
        long deliveredBefore = measurement.deliveries();
        double serverCpuBefore = serverCpu();
        double clientCpuBefore = ProcessCpu.self();
        long start = System.nanoTime();
        Histogram total = null;
        List<Double> sliceP99s = new ArrayList<>();
        long sent = 0;
        long sliceNanos = Math.min(SLICE.toNanos(), window.toNanos());
        for (long done = 0; done < window.toNanos(); done += sliceNanos) {
            Duration slice = Duration.ofNanos(Math.min(sliceNanos, window.toNanos() - done));
            sent += RateDriver.run(perSecond, slice, 1_000_000_000L + sent,
                    sequence -> expected[0] += operation.applyAsLong(sequence));
            Histogram sliceLatency = measurement.takeLatency();
            if (sliceLatency.getTotalCount() > 0) {
                sliceP99s.add(sliceLatency.getValueAtPercentile(99) / 1000.0);
            }
            if (total == null) {
                total = sliceLatency;
            } else {
                total.add(sliceLatency);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long delivered = measurement.deliveries() - deliveredBefore;
        double serverCores = cores(serverCpuBefore, serverCpu(), seconds);
        double clientCores = cores(clientCpuBefore, ProcessCpu.self(), seconds);
        LatencySummary latency = LatencySummary.ofMicros(total);
        double sliceP99 = median(sliceP99s);
        drain();
        long failures = measurement.failures() - failuresBefore;
        double expectedPerSec = expected[0] / seconds;
        double deliveredPerSec = delivered / seconds;
        boolean sustained = failures == 0
                && delivered >= SUSTAINED_DELIVERY_RATIO * expected[0]
                && latency.count() > 0
                && sliceP99 <= p99LimitMs;
        Progress.say(String.format(java.util.Locale.ROOT,
                "%s: delivered %.0f/s of %.0f/s expected, p50 %.2f ms, p99 %.2f ms (slices %.2f), server CPU %.2f, failures %d%s",
                label, deliveredPerSec, expectedPerSec, latency.p50Ms(), latency.p99Ms(), sliceP99, serverCores, failures,
                sustained ? "" : " — not sustained"));
        return new RateStep(label, clients, servers, sent / seconds, expectedPerSec, deliveredPerSec, sent, delivered,
                latency, sliceP99, serverCores, clientCores, failures, sustained);
    }

    /** Waits until no delivery arrived for 300 ms (ten seconds at most). */
    public void drain() {
        long deadline = System.nanoTime() + MAX_DRAIN_NANOS;
        long last = measurement.deliveries();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            RateDriver.sleep(50_000_000);
            long now = measurement.deliveries();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= QUIET_NANOS) {
                return;
            }
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * Whether stepping up should stop after {@code steps}: a connection was lost, the last step
     * delivered less than 80 % of what was offered (the next could only be worse), or the last two
     * steps were both not sustained. One unsustained step alone may be a stall of the shared machine.
     */
    public static boolean shouldStop(List<RateStep> steps) {
        if (steps.isEmpty()) {
            return false;
        }
        RateStep last = steps.get(steps.size() - 1);
        if (last.failures() > 0 || last.delivered() < 0.8 * last.expectedPerSec() * (last.sent() / Math.max(1e-9, last.offeredPerSec()))) {
            return true;
        }
        return !last.sustained() && steps.size() > 1 && !steps.get(steps.size() - 2).sustained();
    }

    private double serverCpu() {
        double total = 0;
        for (long pid : serverPids) {
            double seconds = ProcessCpu.seconds(pid);
            if (seconds < 0) {
                return -1;
            }
            total += seconds;
        }
        return serverPids.isEmpty() ? -1 : total;
    }

    private static double cores(double before, double after, double seconds) {
        if (before < 0 || after < 0 || seconds <= 0) {
            return -1;
        }
        return Math.round((after - before) / seconds * 100) / 100.0;
    }
}
