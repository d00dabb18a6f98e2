package io.hubkit.benchmarks.scenarios;

import io.hubkit.benchmarks.apps.stats.ServerStats;
import io.hubkit.benchmarks.load.DeliveryKind;
import io.hubkit.benchmarks.load.LoadClient;
import io.hubkit.benchmarks.report.Headlines;
import io.hubkit.benchmarks.report.MemoryPoint;
import io.hubkit.benchmarks.report.ScenarioResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code connections}: opens N WebSocket connections in equal batches, measuring the server's
 * memory (after a full GC) before the first and after each batch, then holds them idle and measures
 * once more. Reports the connect rate (connections opened per second of connecting, the pauses for
 * measuring excluded) and the memory per connection as the least-squares slope of the
 * measurements — heap plus direct memory (the target) and the whole resident set.
 *
 * <p>Limits: one load process and one server process each have 20,000 open files here, so N is
 * capped at {@value #MAX_CONNECTIONS}; connections are spread over several loopback source
 * addresses so ports never run short.
 */
public final class ConnectionsScenario {

    /** The most connections one run may open (the process file limit is 20,000). */
    public static final int MAX_CONNECTIONS = 19_000;

    /**
     * @param settle pause after each batch before measuring, so that handshakes still in the
     *               server's pipes are done
     */
    public record Params(int connections, int batches, Duration hold, Duration settle) {

        public Params {
            if (connections < 1 || connections > MAX_CONNECTIONS) {
                throw new IllegalArgumentException("connections must be 1.." + MAX_CONNECTIONS);
            }
            if (batches < 1) {
                throw new IllegalArgumentException("batches must be at least 1");
            }
        }

        public Map<String, Object> describe() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("connections", connections);
            map.put("batches", batches);
            map.put("holdSec", hold.toMillis() / 1000.0);
            return map;
        }
    }

    private ConnectionsScenario() {
    }

    public static ScenarioResult run(RunContext context, Params params) {
        Map<String, Object> parameters = params.describe();
        parameters.put("sourceAddresses", context.sourceAddresses());
        List<MemoryPoint> memory = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Double> headline = new LinkedHashMap<>();
        Measurement measurement = new Measurement(DeliveryKind.BROADCAST);
        long connectNanos = 0;
        int opened = 0;
        try (LoadClient client = new LoadClient(context.sourceAddresses(), measurement)) {
            memory.add(point(context.firstServerStats()));
            for (int batch = 1; batch <= params.batches(); batch++) {
                int goal = (int) ((long) params.connections() * batch / params.batches());
                long start = System.nanoTime();
                try {
                    opened += client.connect(context.target(), context.uris(), goal - opened,
                            context.connectParallelism()).size();
                } catch (RuntimeException e) {
                    notes.add("stopped at " + client.openCount() + " connections: " + e.getMessage());
                    opened = client.openCount();
                    connectNanos += System.nanoTime() - start;
                    measure(context, memory, notes, opened);
                    break;
                }
                connectNanos += System.nanoTime() - start;
                RateDriver.sleep(params.settle().toNanos());
                if (!measure(context, memory, notes, opened)) {
                    break;
                }
            }
            if (!params.hold().isZero() && notes.isEmpty()) {
                RateDriver.sleep(params.hold().toNanos());
                measure(context, memory, notes, opened);
            }
            int stillOpen = client.openCount();
            if (stillOpen < opened) {
                notes.add((opened - stillOpen) + " connections were lost while idle");
            }
            if (measurement.failures() > 0) {
                notes.add(measurement.failures() + " connection failures, e.g. " + measurement.failureTexts());
            }
        } catch (IOException e) {
            return ScenarioResult.failed("connections", context.target().label(),
                    context.target().kind().displayName(), parameters, "stats unavailable: " + e.getMessage());
        }
        MemoryPoint last = memory.get(memory.size() - 1);
        headline.put(Headlines.CONNECTIONS, (double) last.connections());
        headline.put(Headlines.CONNECT_RATE, connectNanos == 0 ? 0 : Math.round(opened / (connectNanos / 1e9)) * 1.0);
        headline.put(Headlines.HEAP_DIRECT_PER_CONNECTION, slope(memory, true));
        headline.put(Headlines.RSS_PER_CONNECTION, slope(memory, false));
        return new ScenarioResult("connections", context.target().label(), context.target().kind().displayName(),
                parameters, List.of(), memory, headline, notes, null);
    }

    /** Adds a measurement; when the server cannot answer (out of memory, say), notes it and returns false. */
    private static boolean measure(RunContext context, List<MemoryPoint> memory, List<String> notes, int opened) {
        try {
            memory.add(point(context.firstServerStats()));
            return true;
        } catch (IOException e) {
            notes.add("the server did not report its memory with " + opened + " connections open (" + e.getMessage()
                    + "); the figures use the measurements before");
            return false;
        }
    }

    private static MemoryPoint point(ServerStats stats) {
        return new MemoryPoint(stats.connections(), stats.heapUsedBytes(), stats.directUsedBytes(), stats.rssBytes());
    }

    /** Least-squares slope of memory over connections, bytes per connection (0 with fewer than two distinct counts). */
    static double slope(List<MemoryPoint> points, boolean heapPlusDirect) {
        int n = points.size();
        double meanX = 0;
        double meanY = 0;
        for (MemoryPoint point : points) {
            meanX += point.connections();
            meanY += heapPlusDirect ? point.heapPlusDirectBytes() : point.rssBytes();
        }
        meanX /= n;
        meanY /= n;
        double covariance = 0;
        double variance = 0;
        for (MemoryPoint point : points) {
            double dx = point.connections() - meanX;
            double y = heapPlusDirect ? point.heapPlusDirectBytes() : point.rssBytes();
            covariance += dx * (y - meanY);
            variance += dx * dx;
        }
        return variance == 0 ? 0 : Math.round(covariance / variance);
    }
}
