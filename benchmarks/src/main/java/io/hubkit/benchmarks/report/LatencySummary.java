package io.hubkit.benchmarks.report;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency distribution, in milliseconds.
 *
 * @param count number of samples
 */
public record LatencySummary(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
                             double meanMs) {

    /** An empty distribution (no samples). */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

    /** Summarises a histogram recorded in microseconds. */
    public static LatencySummary ofMicros(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(histogram.getTotalCount(),
                ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(90)),
                ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getValueAtPercentile(99.9)),
                ms(histogram.getMaxValue()),
                Math.round(histogram.getMean()) / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
