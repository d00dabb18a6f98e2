package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.report.ScenarioResult;
import io.hubkit.benchmarks.scenarios.BroadcastScenario;
import io.hubkit.benchmarks.scenarios.RunContext;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "broadcast", mixinStandardHelpOptions = true,
        description = "C clients, one broadcasting at stepped rates; report delivered msgs/s and delivery latency.")
final class BroadcastCommand extends ScenarioCommand {

    @Option(names = "--clients", split = ",", description = "Client counts, each with fresh connections.")
    List<Integer> clients;

    @Option(names = "--rates", split = ",", description = "Offered deliveries per second (broadcasts/s × clients), increasing.")
    List<Integer> rates;

    @Option(names = "--payload", description = "Payload size in bytes.")
    Integer payload;

    @Override
    String scenario() {
        return "broadcast";
    }

    @Override
    ScenarioResult run(RunContext context, Profile profile) {
        return BroadcastScenario.run(context, params(profile.broadcast()));
    }

    BroadcastScenario.Params params(BroadcastScenario.Params base) {
        return new BroadcastScenario.Params(clients == null ? base.clients() : clients,
                rates == null ? base.deliveryRates() : rates, payload == null ? base.payloadBytes() : payload,
                common.warmup(base.warmup()), common.window(base.window()), base.halfRateStep());
    }
}
