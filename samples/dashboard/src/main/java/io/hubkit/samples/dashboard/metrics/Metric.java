package io.hubkit.samples.dashboard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.util.function.Function;

/**
 * One metric on show and how to read it from Micrometer: a gauge (the sum of every gauge matching)
 * or the per-second rate of a counter (the sum of every counter matching, between two samples).
 * Rate metrics keep the previous total, so {@link #sample} is called from one thread at a time.
 */
public final class Metric {

    private final MetricInfo info;
    private final Function<MeterRegistry, Search> search;
    private final double scale;
    private final boolean rate;
    private double lastTotal = Double.NaN;
    private long lastNanos;

    private Metric(MetricInfo info, Function<MeterRegistry, Search> search, double scale, boolean rate) {
        this.info = info;
        this.search = search;
        this.scale = scale;
        this.rate = rate;
    }

    /** The sum of the gauges {@code search} finds, times {@code scale}. */
    public static Metric gauge(MetricInfo info, Function<MeterRegistry, Search> search, double scale) {
        return new Metric(info, search, scale, false);
    }

    /** The per-second growth of the counters {@code search} finds. */
    public static Metric rate(MetricInfo info, Function<MeterRegistry, Search> search) {
        return new Metric(info, search, 1, true);
    }

    public MetricInfo info() {
        return info;
    }

    public String key() {
        return info.key();
    }

    /** The current value (0 while a rate has only one sample, or when no meter matches yet). */
    public double sample(MeterRegistry registry, long nowNanos) {
        Search found = search.apply(registry);
        if (!rate) {
            double sum = found.gauges().stream().mapToDouble(Gauge::value).filter(Double::isFinite).sum();
            return sum * scale;
        }
        double total = found.counters().stream().mapToDouble(Counter::count).sum();
        double perSecond = Double.isNaN(lastTotal) || nowNanos == lastNanos ? 0
                : Math.max(0, total - lastTotal) * 1e9 / (nowNanos - lastNanos);
        lastTotal = total;
        lastNanos = nowNanos;
        return perSecond;
    }
}
