package io.hubkit.samples.dashboard.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The metrics the dashboard offers, in display order: the JVM's heap and threads, the process's CPU,
 * and HubKit's own connections and message rates. Immutable list; the {@link Metric}s it holds keep
 * the state of their rates, so only the sampling job samples them.
 */
@Component
public class MetricCatalog {

    /** The metric a page watches when it opens. */
    public static final String DEFAULT_METRIC = "heap";

    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    public MetricCatalog() {
        add(Metric.gauge(new MetricInfo("heap", "Heap used", "MiB"),
                r -> r.find("jvm.memory.used").tag("area", "heap"), 1.0 / (1024 * 1024)));
        add(Metric.gauge(new MetricInfo("cpu", "Process CPU", "%"), r -> r.find("process.cpu.usage"), 100));
        add(Metric.gauge(new MetricInfo("threads", "Live threads", "threads"), r -> r.find("jvm.threads.live"), 1));
        add(Metric.gauge(new MetricInfo("connections", "Hub connections", "connections"),
                r -> r.find("hubkit.connections.active"), 1));
        add(Metric.rate(new MetricInfo("sent", "Messages sent", "messages/s"), r -> r.find("hubkit.messages.sent")));
        add(Metric.rate(new MetricInfo("received", "Messages received", "messages/s"),
                r -> r.find("hubkit.messages.received")));
    }

    private void add(Metric metric) {
        metrics.put(metric.key(), metric);
    }

    /** Every metric, in display order. */
    public List<Metric> all() {
        return List.copyOf(metrics.values());
    }

    /** What the page shows about each metric. */
    public List<MetricInfo> infos() {
        return metrics.values().stream().map(Metric::info).toList();
    }

    /** The metric with key {@code key}, or {@code null}. */
    public Metric find(String key) {
        return key == null ? null : metrics.get(key);
    }
}
