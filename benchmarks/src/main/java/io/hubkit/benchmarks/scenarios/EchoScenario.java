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

/**
 * {@code echo}: C clients invoke the echo operation at a fixed total rate, spread round-robin over
 * the clients; the rate steps up until latency breaks: a step is held when its median one-second p99 is under
 * the limit, at least {@value StepRunner#SUSTAINED_DELIVERY_RATIO} of the answers arrived and no
 * connection failed; stepping stops as {@link StepRunner#shouldStop} says. Reports the highest
 * rate held with p99 under the limit and the percentiles of every step.
 */
public final class EchoScenario {

    /** @param p99LimitMs the latency that counts as broken (10 ms in the target) */
    public record Params(int clients, List<Integer> rates, int payloadBytes, Duration warmup, Duration window,
                         double p99LimitMs) {

        public Map<String, Object> describe() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("clients", clients);
            map.put("offeredEchoesPerSec", rates);
            map.put("payloadBytes", payloadBytes);
            map.put("warmupSec", warmup.toMillis() / 1000.0);
            map.put("windowSec", window.toMillis() / 1000.0);
            map.put("p99LimitMs", p99LimitMs);
            return map;
        }
    }

    private EchoScenario() {
    }

    public static ScenarioResult run(RunContext context, Params params) {
        List<RateStep> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Double> headline = new LinkedHashMap<>();
        Measurement measurement = new Measurement(DeliveryKind.ECHO);
        double best = 0;
        double p99AtBest = 0;
        try (LoadClient client = new LoadClient(context.sourceAddresses(), measurement)) {
            List<LoadConnection> connections = client.connect(context.target(), context.uris(), params.clients(),
                    context.connectParallelism());
            RateDriver.sleep(500_000_000);
            int count = connections.size();
            StepRunner runner = new StepRunner(measurement, context.serverPids(), params.warmup(), params.window(),
                    params.p99LimitMs());
            for (int rate : params.rates()) {
                RateStep step = runner.run(count + " clients, " + rate + " echoes/s", count, context.uris().size(), rate,
                        sequence -> {
                            connections.get((int) (sequence % count))
                                    .echo(Payloads.create(DeliveryKind.ECHO, System.nanoTime(), params.payloadBytes()));
                            return 1;
                        });
                steps.add(step);
                if (!step.sustained()) {
                    BroadcastScenario.noteFailures(notes, measurement, step);
                } else if (step.deliveredPerSec() > best) {
                    best = step.deliveredPerSec();
                    p99AtBest = step.sliceP99Ms();
                }
                if (StepRunner.shouldStop(steps)) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            notes.add("stopped — " + e.getMessage());
        }
        headline.put(Headlines.MAX_ECHO_RATE, best);
        headline.put(Headlines.P99_AT_MAX_ECHO, p99AtBest);
        if (!steps.isEmpty() && steps.get(steps.size() - 1).sustained()) {
            notes.add("every offered rate was held: the highest rate held is at least the last step's");
        }
        return new ScenarioResult("echo", context.target().label(), context.target().kind().displayName(),
                params.describe(), steps, List.of(), headline, notes, null);
    }
}
