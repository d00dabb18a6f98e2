/**
 * HubKit's benchmarks: a command-line load tool ({@link io.hubkit.benchmarks.cli}) that starts each
 * server under test as its own process ({@link io.hubkit.benchmarks.servers}), drives it over
 * loopback with a load client that speaks each wire protocol itself ({@link io.hubkit.benchmarks.load}),
 * runs the scenarios ({@link io.hubkit.benchmarks.scenarios}), and writes the report
 * ({@link io.hubkit.benchmarks.report}). JMH micro-benchmarks of the hot paths live in
 * {@link io.hubkit.benchmarks.jmh}.
 */
package io.hubkit.benchmarks;
