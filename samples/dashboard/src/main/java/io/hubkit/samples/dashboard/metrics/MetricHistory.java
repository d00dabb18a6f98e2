package io.hubkit.samples.dashboard.metrics;

import io.hubkit.samples.dashboard.DashboardProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The recent readings of each metric, kept in a bounded replay buffer ({@code dashboard.history-size}
 * readings): a new chart's stream starts with them and goes on live, without a gap or a duplicate.
 * {@link #record} is called by the sampling job alone; streams may be subscribed from any thread. A
 * chart that falls behind by more than the buffer skips readings rather than holding memory.
 */
@Component
public class MetricHistory {

    private final int size;
    private final Map<String, Sinks.Many<Reading>> byMetric = new ConcurrentHashMap<>();

    public MetricHistory(DashboardProperties properties) {
        this.size = properties.historySize();
    }

    /** Adds a reading of its metric. */
    public void record(Reading reading) {
        sink(reading.metric()).tryEmitNext(reading);
    }

    /** The recent readings of {@code metric}, then each new one as it is recorded. Never completes. */
    public Flux<Reading> stream(String metric) {
        return sink(metric).asFlux();
    }

    private Sinks.Many<Reading> sink(String metric) {
        return byMetric.computeIfAbsent(metric, key -> Sinks.many().replay().limit(size));
    }
}
