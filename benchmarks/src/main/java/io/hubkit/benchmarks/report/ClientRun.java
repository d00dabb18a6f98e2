package io.hubkit.benchmarks.report;

/**
 * What one client implementation measured in a check-mode scenario.
 *
 * @param client          {@code hubkit load client} or {@code official JS client}
 * @param expected        deliveries the offered load should produce
 * @param delivered       deliveries that arrived
 * @param deliveredPerSec deliveries per second over the send window
 * @param latency         delivery latency as that client measured it
 * @param error           why the run failed, or {@code null}
 */
public record ClientRun(String client, long expected, long delivered, double deliveredPerSec, LatencySummary latency,
                        String error) {
}
