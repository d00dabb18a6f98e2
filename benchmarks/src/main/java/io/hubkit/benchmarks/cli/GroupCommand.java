package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.report.ScenarioResult;
import io.hubkit.benchmarks.scenarios.GroupScenario;
import io.hubkit.benchmarks.scenarios.RunContext;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "group", mixinStandardHelpOptions = true,
        description = "Clients in groups of G, random members sending to random groups; report deliveries/s and latency.")
final class GroupCommand extends ScenarioCommand {

    @Option(names = "--clients", description = "Clients, all of them group members.")
    Integer clients;

    @Option(names = "--group-size", description = "Members per group.")
    Integer groupSize;

    @Option(names = "--rates", split = ",", description = "Offered deliveries per second (sends/s × group size), increasing.")
    List<Integer> rates;

    @Option(names = "--payload", description = "Payload size in bytes.")
    Integer payload;

    @Override
    String scenario() {
        return "group";
    }

    @Override
    ScenarioResult run(RunContext context, Profile profile) {
        return GroupScenario.run(context, params(profile.group()));
    }

    GroupScenario.Params params(GroupScenario.Params base) {
        return new GroupScenario.Params(clients == null ? base.clients() : clients,
                groupSize == null ? base.groupSize() : groupSize, rates == null ? base.deliveryRates() : rates,
                payload == null ? base.payloadBytes() : payload, common.warmup(base.warmup()),
                common.window(base.window()));
    }
}
