package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.report.ScenarioResult;
import io.hubkit.benchmarks.scenarios.ConnectionsScenario;
import io.hubkit.benchmarks.scenarios.RunContext;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "connections", mixinStandardHelpOptions = true,
        description = "Open N idle WebSocket connections; report the server's heap + direct memory per connection and the connect rate.")
final class ConnectionsCommand extends ScenarioCommand {

    @Option(names = "--connections", description = "Connections to open (at most 19,000; default: the profile's).")
    Integer connections;

    @Option(names = "--batches", description = "Memory is measured after each of this many equal batches.")
    Integer batches;

    @Option(names = "--hold-seconds", description = "How long to hold them idle before the last measurement.")
    Integer holdSeconds;

    @Override
    String scenario() {
        return "connections";
    }

    @Override
    ScenarioResult run(RunContext context, Profile profile) {
        return ConnectionsScenario.run(context, params(profile.connections()));
    }

    ConnectionsScenario.Params params(ConnectionsScenario.Params base) {
        return new ConnectionsScenario.Params(connections == null ? base.connections() : connections,
                batches == null ? base.batches() : batches,
                holdSeconds == null ? base.hold() : Duration.ofSeconds(holdSeconds), base.settle());
    }
}
