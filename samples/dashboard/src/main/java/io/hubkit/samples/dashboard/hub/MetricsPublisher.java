package io.hubkit.samples.dashboard.hub;

import io.hubkit.core.context.HubContext;
import io.hubkit.samples.dashboard.metrics.Metric;
import io.hubkit.samples.dashboard.metrics.MetricCatalog;
import io.hubkit.samples.dashboard.metrics.MetricHistory;
import io.hubkit.samples.dashboard.metrics.Reading;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The scheduled job: every {@code dashboard.sample-interval} it samples every metric, records the
 * readings (which feeds the charts' streams) and pushes them through the hub's {@link HubContext}:
 * all current values to the overview group, each metric's reading to the group watching it. Runs on
 * the scheduler's single thread; the sends do not block it.
 */
@Component
public class MetricsPublisher {

    private static final Logger log = LoggerFactory.getLogger(MetricsPublisher.class);

    private final MetricCatalog catalog;
    private final MetricHistory history;
    private final MeterRegistry registry;
    private final HubContext<DashboardHub> hub;

    public MetricsPublisher(MetricCatalog catalog, MetricHistory history, MeterRegistry registry,
                            HubContext<DashboardHub> hub) {
        this.catalog = catalog;
        this.history = history;
        this.registry = registry;
        this.hub = hub;
    }

    @Scheduled(fixedRateString = "${dashboard.sample-interval:1s}")
    public void publish() {
        long time = System.currentTimeMillis();
        long nanos = System.nanoTime();
        List<Reading> readings = new ArrayList<>();
        for (Metric metric : catalog.all()) {
            Reading reading = new Reading(metric.key(), time, round(metric.sample(registry, nanos)));
            history.record(reading);
            readings.add(reading);
        }
        List<Mono<Void>> sends = new ArrayList<>();
        sends.add(hub.clients().group(Groups.OVERVIEW).as(DashboardClient.class).overview(readings));
        for (Reading reading : readings) {
            sends.add(hub.clients().group(Groups.watching(reading.metric())).as(DashboardClient.class).reading(reading));
        }
        Mono.when(sends).subscribe(null, error -> log.warn("Pushing the metrics failed", error));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
