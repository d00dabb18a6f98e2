package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.report.ScenarioResult;
import io.hubkit.benchmarks.scenarios.EchoScenario;
import io.hubkit.benchmarks.scenarios.RunContext;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "echo", mixinStandardHelpOptions = true,
        description = "C clients invoking echo at stepped total rates until p99 passes 10 ms; report the highest rate held.")
final class EchoCommand extends ScenarioCommand {

    @Option(names = "--clients", description = "Clients sharing the rate.")
    Integer clients;

    @Option(names = "--rates", split = ",", description = "Offered echoes per second, increasing.")
    List<Integer> rates;

    @Option(names = "--payload", description = "Payload size in bytes.")
    Integer payload;

    @Override
    String scenario() {
        return "echo";
    }

    @Override
    ScenarioResult run(RunContext context, Profile profile) {
        return EchoScenario.run(context, params(profile.echo()));
    }

    EchoScenario.Params params(EchoScenario.Params base) {
        return new EchoScenario.Params(clients == null ? base.clients() : clients, rates == null ? base.rates() : rates,
                payload == null ? base.payloadBytes() : payload, common.warmup(base.warmup()),
                common.window(base.window()), base.p99LimitMs());
    }
}
