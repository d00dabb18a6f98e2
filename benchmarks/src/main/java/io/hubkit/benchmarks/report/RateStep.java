package io.hubkit.benchmarks.report;

/**
 * One measured step of a rate-driven scenario (broadcast, echo, group, scale-out): the load offered,
 * what arrived within the measurement window, and how long it took.
 *
 * @param label            e.g. {@code 1000 clients, 200 broadcasts/s}
 * @param clients          connections in the step (the sender included)
 * @param servers          app servers the clients were spread over (1 unless scale-out)
 * @param offeredPerSec    operations the load client sent per second (broadcasts, echoes, group sends)
 * @param expectedPerSec   deliveries per second that load should produce
 * @param deliveredPerSec  deliveries that arrived per second within the window
 * @param sent             operations sent within the window
 * @param delivered        deliveries within the window
 * @param latency          delivery latency over the whole window: arrival time minus the send time inside the payload
 * @param sliceP99Ms       the median of the p99s of the window's one-second slices: a one-off stall (another
 *                         process on the shared machine, a GC) moves one slice, queueing moves them all
 * @param serverCpuCores   cores the server process(es) kept busy on average (-1 if unknown)
 * @param clientCpuCores   cores the load client kept busy on average (-1 if unknown)
 * @param failures         errors and lost connections during the step
 * @param sustained        whether the server kept up: see {@link io.hubkit.benchmarks.scenarios.StepRunner}
 */
public record RateStep(String label, int clients, int servers, double offeredPerSec, double expectedPerSec,
                       double deliveredPerSec, long sent, long delivered, LatencySummary latency, double sliceP99Ms,
                       double serverCpuCores, double clientCpuCores, long failures, boolean sustained) {
}
