package io.hubkit.benchmarks.scenarios;

import io.hubkit.benchmarks.load.DeliveryKind;
import io.hubkit.benchmarks.load.LoadClient;
import io.hubkit.benchmarks.load.LoadConnection;
import io.hubkit.benchmarks.load.Payloads;
import io.hubkit.benchmarks.report.Headlines;
import io.hubkit.benchmarks.report.RateStep;
import io.hubkit.benchmarks.report.ScenarioResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * {@code broadcast}: for each client count C, C connections (spread over the context's servers)
 * and one of them sending broadcasts; the rate steps up through the requested delivery rates
 * (deliveries per second = broadcasts per second × C) until stepping should stop
 * ({@link StepRunner#shouldStop}), then one more
 * step runs at half the highest sustained rate (the latency figure). Reports delivered messages per
 * second and delivery latency per step.
 */
public final class BroadcastScenario {

    /**
     * @param clients        client counts to run, each with fresh connections
     * @param deliveryRates  offered deliveries per second, in increasing order
     * @param payloadBytes   payload size (characters, all ASCII)
     * @param halfRateStep   whether to add the step at half the highest sustained rate
     */
    public record Params(List<Integer> clients, List<Integer> deliveryRates, int payloadBytes, Duration warmup,
                         Duration window, boolean halfRateStep) {

        public Map<String, Object> describe() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("clients", clients);
            map.put("offeredDeliveriesPerSec", deliveryRates);
            map.put("payloadBytes", payloadBytes);
            map.put("warmupSec", warmup.toMillis() / 1000.0);
            map.put("windowSec", window.toMillis() / 1000.0);
            map.put("senders", 1);
            return map;
        }
    }

    private BroadcastScenario() {
    }

    public static ScenarioResult run(RunContext context, Params params) {
        return run("broadcast", context, params);
    }

    static ScenarioResult run(String name, RunContext context, Params params) {
        List<RateStep> steps = new ArrayList<>();
        Map<String, Double> headline = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        double bestOverall = 0;
        Double p99AtHalf = null;
        Double p50AtHalf = null;
        for (int clients : params.clients()) {
            Measurement measurement = new Measurement(DeliveryKind.BROADCAST);
            try (LoadClient client = new LoadClient(context.sourceAddresses(), measurement)) {
                List<LoadConnection> connections = client.connect(context.target(), context.uris(), clients,
                        context.connectParallelism());
                RateDriver.sleep(500_000_000);
                LoadConnection sender = connections.get(0);
                StepRunner runner = new StepRunner(measurement, context.serverPids(), params.warmup(), params.window(),
                        StepRunner.THROUGHPUT_P99_LIMIT_MS);
                double best = 0;
                double bestOffered = 0;
                double maxDelivered = 0;
                List<RateStep> stepsOfThisCount = new ArrayList<>();
                for (int rate : params.deliveryRates()) {
                    double perSecond = (double) rate / clients;
                    RateStep step = runner.run(clients + " clients, " + format(perSecond) + " broadcasts/s",
                            clients, context.uris().size(), perSecond, broadcasts(sender, clients, params));
                    steps.add(step);
                    stepsOfThisCount.add(step);
                    maxDelivered = Math.max(maxDelivered, step.deliveredPerSec());
                    if (!step.sustained()) {
                        noteFailures(notes, measurement, step);
                    } else if (step.deliveredPerSec() > best) {
                        best = step.deliveredPerSec();
                        bestOffered = step.offeredPerSec();
                    }
                    if (StepRunner.shouldStop(stepsOfThisCount)) {
                        break;
                    }
                }
                headline.put(Headlines.atClients(Headlines.MAX_SUSTAINED_DELIVERED, clients), best);
                headline.put(Headlines.atClients(Headlines.MAX_DELIVERED, clients), maxDelivered);
                if (params.halfRateStep() && bestOffered > 0) {
                    RateStep step;
                    if (measurement.failures() == 0) {
                        step = halfRateStep(runner, sender, clients, bestOffered / 2, context, params);
                    } else {
                        client.close(); // what is left of this set goes first (closing again below does nothing more)
                        step = halfRateStepOnFreshConnections(context, params, clients, bestOffered / 2, notes);
                    }
                    steps.add(step);
                    headline.put(Headlines.atClients(Headlines.P99_AT_HALF_RATE, clients), step.latency().p99Ms());
                    if (best >= bestOverall) {
                        p99AtHalf = step.latency().p99Ms();
                        p50AtHalf = step.latency().p50Ms();
                    }
                }
                bestOverall = Math.max(bestOverall, best);
            } catch (RuntimeException e) {
                notes.add(clients + " clients: stopped — " + e.getMessage());
            }
        }
        headline.put(Headlines.MAX_SUSTAINED_DELIVERED, bestOverall);
        if (p99AtHalf != null) {
            headline.put(Headlines.P99_AT_HALF_RATE, p99AtHalf);
            headline.put(Headlines.P50_AT_HALF_RATE, p50AtHalf);
        }
        return new ScenarioResult(name, context.target().label(), context.target().kind().displayName(),
                params.describe(), steps, List.of(), headline, notes, null);
    }

    private static RateStep halfRateStep(StepRunner runner, LoadConnection sender, int clients, double perSecond,
                                         RunContext context, Params params) {
        return runner.run(clients + " clients, " + format(perSecond) + " broadcasts/s (half of highest sustained)",
                clients, context.uris().size(), perSecond, broadcasts(sender, clients, params));
    }

    /** One step's operation: {@code sender} broadcasts one timestamped payload, due at every client. */
    private static LongUnaryOperator broadcasts(LoadConnection sender, int clients, Params params) {
        return sequence -> {
            sender.broadcast(Payloads.create(DeliveryKind.BROADCAST, System.nanoTime(), params.payloadBytes()));
            return clients;
        };
    }

    /**
     * The half-rate step after the stepping lost connections (an overloaded server closes the
     * connections whose outbound queue reached its limit): on a fresh set of {@code clients}
     * connections, so that the latency figure is measured with every client there.
     */
    private static RateStep halfRateStepOnFreshConnections(RunContext context, Params params, int clients,
                                                           double perSecond, List<String> notes) {
        notes.add(clients + " clients: connections were lost while stepping up, so the half-rate step ran on "
                + clients + " fresh connections");
        Measurement measurement = new Measurement(DeliveryKind.BROADCAST);
        try (LoadClient client = new LoadClient(context.sourceAddresses(), measurement)) {
            List<LoadConnection> connections = client.connect(context.target(), context.uris(), clients,
                    context.connectParallelism());
            RateDriver.sleep(500_000_000);
            StepRunner runner = new StepRunner(measurement, context.serverPids(), params.warmup(), params.window(),
                    StepRunner.THROUGHPUT_P99_LIMIT_MS);
            return halfRateStep(runner, connections.get(0), clients, perSecond, context, params);
        }
    }

    static void noteFailures(List<String> notes, Measurement measurement, RateStep step) {
        if (step.failures() > 0) {
            notes.add(step.label() + ": " + step.failures() + " failures, e.g. " + measurement.failureTexts());
        }
    }

    static String format(double value) {
        return value >= 100 || value == Math.rint(value) ? Long.toString(Math.round(value))
                : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
