package io.hubkit.benchmarks.check;

import io.hubkit.benchmarks.load.DeliveryKind;
import io.hubkit.benchmarks.load.LoadClient;
import io.hubkit.benchmarks.load.LoadConnection;
import io.hubkit.benchmarks.load.Payloads;
import io.hubkit.benchmarks.load.Target;
import io.hubkit.benchmarks.report.ClientRun;
import io.hubkit.benchmarks.report.LatencySummary;
import io.hubkit.benchmarks.scenarios.Measurement;
import io.hubkit.benchmarks.scenarios.RateDriver;
import java.time.Duration;
import java.util.List;

/**
 * Runs a {@link CheckLoad} with the HubKit load client, counted the way the JS check script counts:
 * every operation sent over the whole run, then a drain until everything expected has arrived (or
 * two seconds pass without a delivery, ten at most), every delivery counted.
 */
public final class LoadClientRun {

    public static final String CLIENT = "HubKit load client";

    private LoadClientRun() {
    }

    public static ClientRun run(Target target, CheckLoad load) {
        DeliveryKind kind = load.scenario().equals("broadcast") ? DeliveryKind.BROADCAST : DeliveryKind.ECHO;
        Measurement measurement = new Measurement(kind);
        try (LoadClient client = new LoadClient(1, measurement)) {
            List<LoadConnection> connections = client.connect(target, load.clients());
            sleepMillis(500);
            measurement.resetLatency();
            long start = System.nanoTime();
            long sent = RateDriver.run(load.rate(), Duration.ofSeconds(load.seconds()), 0, sequence -> {
                if (kind == DeliveryKind.BROADCAST) {
                    connections.get(0).broadcast(Payloads.create(kind, System.nanoTime(), load.payloadBytes()));
                } else {
                    connections.get((int) (sequence % connections.size()))
                            .echo(Payloads.create(kind, System.nanoTime(), load.payloadBytes()));
                }
            });
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            long expected = sent * load.deliveriesPerOperation();
            drain(measurement, expected);
            long delivered = measurement.deliveries();
            LatencySummary latency = LatencySummary.ofMicros(measurement.takeLatency());
            String error = measurement.failures() > 0 ? measurement.failureTexts().toString() : null;
            return new ClientRun(CLIENT, expected, delivered, delivered / sendSeconds, latency, error);
        } catch (RuntimeException e) {
            return new ClientRun(CLIENT, 0, 0, 0, LatencySummary.EMPTY, String.valueOf(e.getMessage()));
        }
    }

    private static void drain(Measurement measurement, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long last = measurement.deliveries();
        long lastChange = System.nanoTime();
        while (measurement.deliveries() < expected && System.nanoTime() < deadline
                && System.nanoTime() - lastChange < Duration.ofSeconds(2).toNanos()) {
            sleepMillis(20);
            long now = measurement.deliveries();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            }
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
