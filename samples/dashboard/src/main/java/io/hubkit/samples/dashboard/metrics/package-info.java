/**
 * The metrics on show: which ones ({@link io.hubkit.samples.dashboard.metrics.MetricCatalog}), how
 * they are read from Micrometer ({@link io.hubkit.samples.dashboard.metrics.Metric}), and the recent
 * readings of each, replayed to every new chart ({@link io.hubkit.samples.dashboard.metrics.MetricHistory}).
 */
package io.hubkit.samples.dashboard.metrics;
