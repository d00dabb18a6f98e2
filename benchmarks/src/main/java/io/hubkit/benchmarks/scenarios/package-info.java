/**
 * The scenarios: {@code connections}, {@code broadcast}, {@code echo}, {@code group} and
 * {@code scale-out}. Each opens its load connections against running servers, offers load in
 * bounded steps (every loop has a fixed duration and a fixed rate), measures what arrives, and
 * returns a {@link io.hubkit.benchmarks.report.ScenarioResult}. Scenarios never start servers;
 * the {@link io.hubkit.benchmarks.cli} commands do.
 */
package io.hubkit.benchmarks.scenarios;
