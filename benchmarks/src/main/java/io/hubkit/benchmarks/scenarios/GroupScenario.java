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
import java.util.SplittableRandom;

/**
 * {@code group}: C clients in groups of G (client i joins group {@code i mod (C/G)}); random members
 * send to random groups, the rate stepping up through the requested delivery rates (deliveries per
 * second = sends per second × G) until stepping should stop ({@link StepRunner#shouldStop}). Reports deliveries per second and
 * latency per step.
 */
public final class GroupScenario {

    private static final long JOIN_TIMEOUT_NANOS = Duration.ofSeconds(60).toNanos();

    public record Params(int clients, int groupSize, List<Integer> deliveryRates, int payloadBytes, Duration warmup,
                         Duration window) {

        public Map<String, Object> describe() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("clients", clients);
            map.put("groupSize", groupSize);
            map.put("groups", Math.max(1, clients / groupSize));
            map.put("offeredDeliveriesPerSec", deliveryRates);
            map.put("payloadBytes", payloadBytes);
            map.put("warmupSec", warmup.toMillis() / 1000.0);
            map.put("windowSec", window.toMillis() / 1000.0);
            return map;
        }
    }

    private GroupScenario() {
    }

    public static ScenarioResult run(RunContext context, Params params) {
        return run("group", context, params);
    }

    static ScenarioResult run(String name, RunContext context, Params params) {
        List<RateStep> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Double> headline = new LinkedHashMap<>();
        Measurement measurement = new Measurement(DeliveryKind.GROUP);
        double best = 0;
        double maxDelivered = 0;
        try (LoadClient client = new LoadClient(context.sourceAddresses(), measurement)) {
            List<LoadConnection> connections = client.connect(context.target(), context.uris(), params.clients(),
                    context.connectParallelism());
            int count = connections.size();
            int groups = Math.max(1, count / params.groupSize());
            int[] members = new int[groups];
            long confirmations = 0;
            for (int i = 0; i < count; i++) {
                int group = i % groups;
                members[group]++;
                if (connections.get(i).join("g" + group)) {
                    confirmations++;
                }
            }
            awaitJoins(measurement, confirmations, notes);
            RateDriver.sleep(500_000_000);
            SplittableRandom random = new SplittableRandom(42);
            StepRunner runner = new StepRunner(measurement, context.serverPids(), params.warmup(), params.window(),
                    StepRunner.THROUGHPUT_P99_LIMIT_MS);
            double averageGroup = (double) count / groups;
            for (int rate : params.deliveryRates()) {
                double perSecond = rate / averageGroup;
                RateStep step = runner.run(count + " clients in " + groups + " groups, "
                                + BroadcastScenario.format(perSecond) + " sends/s", count, context.uris().size(), perSecond,
                        sequence -> {
                            int group = random.nextInt(groups);
                            LoadConnection sender = connections.get(random.nextInt(count));
                            sender.sendToGroup("g" + group,
                                    Payloads.create(DeliveryKind.GROUP, System.nanoTime(), params.payloadBytes()));
                            return members[group];
                        });
                steps.add(step);
                maxDelivered = Math.max(maxDelivered, step.deliveredPerSec());
                if (!step.sustained()) {
                    BroadcastScenario.noteFailures(notes, measurement, step);
                } else {
                    best = Math.max(best, step.deliveredPerSec());
                }
                if (StepRunner.shouldStop(steps)) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            notes.add("stopped — " + e.getMessage());
        }
        headline.put(Headlines.MAX_SUSTAINED_DELIVERED, best);
        headline.put(Headlines.MAX_DELIVERED, maxDelivered);
        return new ScenarioResult(name, context.target().label(), context.target().kind().displayName(),
                params.describe(), steps, List.of(), headline, notes, null);
    }

    private static void awaitJoins(Measurement measurement, long confirmations, List<String> notes) {
        long deadline = System.nanoTime() + JOIN_TIMEOUT_NANOS;
        while (measurement.joins() < confirmations && System.nanoTime() < deadline) {
            RateDriver.sleep(20_000_000);
        }
        if (measurement.joins() < confirmations) {
            notes.add("only " + measurement.joins() + " of " + confirmations + " joins were confirmed");
        }
    }
}
