package io.hubkit.samples.dashboard.metrics;

/**
 * What the page shows about a metric.
 *
 * @param key   the key the page watches it by
 * @param label a human name
 * @param unit  the unit of its values
 */
public record MetricInfo(String key, String label, String unit) {
}
