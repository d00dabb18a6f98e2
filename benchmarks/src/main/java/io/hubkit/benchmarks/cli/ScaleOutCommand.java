package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.report.ScenarioResult;
import io.hubkit.benchmarks.Progress;
import io.hubkit.benchmarks.servers.HubServiceProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "scale-out", mixinStandardHelpOptions = true,
        description = "The broadcast and group scenarios with 1, 2, 3 HubKit servers on the Redis backplane and "
                + "through a hub service (both started by the tool), or on servers already running (--url, repeatable).")
final class ScaleOutCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--server-counts", split = ",", defaultValue = "1,2,3",
            description = "App-server counts to run (default: ${DEFAULT-VALUE}).")
    List<Integer> serverCounts;

    @Option(names = "--protocols", split = ",", defaultValue = "json", description = "Hub protocols (default: ${DEFAULT-VALUE}).")
    List<String> protocols;

    @Option(names = "--url", description = "A running app server's hub WebSocket URL (repeat for each server); "
            + "the tool then starts nothing.")
    List<URI> urls = new ArrayList<>();

    @Option(names = "--redis-server", defaultValue = "redis-server",
            description = "The redis-server executable (default: ${DEFAULT-VALUE}).")
    String redisServer;

    @Option(names = "--backplanes", split = ",", defaultValue = "redis,service",
            description = "Backplanes to measure: redis (a fresh redis-server), service (a fresh hub-service; clients "
                    + "negotiate with the app servers and connect to the service) (default: ${DEFAULT-VALUE}).")
    List<String> backplanes;

    @Option(names = "--hub-service-jar", description = "The hub service's runnable jar "
            + "(default: hub-service…exec.jar on this tool's class path).")
    Path hubServiceJar;

    @Option(names = "--server-arg", description = "Argument for each HubKit server, replacing the backplane's defaults; "
            + "{redisPort} and {connectionString} are replaced (defaults: --hubkit.backplane.type=redis "
            + "--hubkit.backplane.redis.uri=redis://127.0.0.1:{redisPort}, and --hubkit.backplane.type=service "
            + "--hubkit.backplane.service.connection-string={connectionString}).")
    List<String> serverArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Progress.quiet(common.quiet);
        Instant started = Instant.now();
        Profile profile = common.profile();
        ScaleOutRun.Setup setup = new ScaleOutRun.Setup(redisServer,
                hubServiceJar != null ? hubServiceJar : HubServiceProcess.jarOnClassPath(), serverArgs);
        List<String> measured = urls.isEmpty() ? backplanes : List.of(ScaleOutRun.REDIS);
        List<ScenarioResult> results = new ArrayList<>();
        for (String backplane : measured) {
            for (String protocol : protocols) {
                results.add(ScaleOutRun.run(common, profile, protocol, serverCounts, urls, backplane, setup));
            }
        }
        String[] original = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
        System.out.println(ReportOutput.write(common.outputFolder("scale-out"), original, started, results, List.of(),
                List.of()));
        return results.stream().allMatch(r -> r.error() == null) ? 0 : 1;
    }
}
