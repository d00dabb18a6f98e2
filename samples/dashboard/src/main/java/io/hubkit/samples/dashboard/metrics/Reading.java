package io.hubkit.samples.dashboard.metrics;

/**
 * One sample of one metric, as the page receives it.
 *
 * @param metric the metric's key
 * @param time   when it was taken, in milliseconds since the epoch
 * @param value  the value, in the metric's unit
 */
public record Reading(String metric, long time, double value) {
}
