package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.report.ClientComparison;
import io.hubkit.benchmarks.report.ScenarioResult;
import io.hubkit.benchmarks.scenarios.BroadcastScenario;
import io.hubkit.benchmarks.scenarios.ConnectionsScenario;
import io.hubkit.benchmarks.scenarios.EchoScenario;
import io.hubkit.benchmarks.scenarios.GroupScenario;
import io.hubkit.benchmarks.Progress;
import io.hubkit.benchmarks.servers.HubServiceProcess;
import io.hubkit.benchmarks.servers.ServerKind;
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

@Command(name = "suite", mixinStandardHelpOptions = true,
        description = "Every scenario against every selected server (connections on a fresh server process per target, "
                + "then broadcast, echo and group on another), then scale-out on Redis and through a hub service, and the "
                + "check against the official JS "
                + "client; one report in the output folder.")
final class SuiteCommand implements Callable<Integer> {

    static final List<String> SCENARIOS = List.of("connections", "broadcast", "echo", "group", "scale-out", "check");

    @Mixin
    CommonOptions common;

    @Mixin
    TargetOptions targets;

    @Spec
    CommandSpec spec;

    @Option(names = "--skip", split = ",", description = "Scenarios to leave out: connections, broadcast, echo, group, scale-out, check.")
    List<String> skip = new ArrayList<>();

    @Option(names = "--redis-server", defaultValue = "redis-server", description = "The redis-server executable for scale-out.")
    String redisServer;

    @Option(names = "--hub-service-jar", description = "The hub service's runnable jar for scale-out "
            + "(default: hub-service…exec.jar on this tool's class path).")
    Path hubServiceJar;

    @Override
    public Integer call() throws Exception {
        Progress.quiet(common.quiet);
        for (String scenario : skip) {
            if (!SCENARIOS.contains(scenario)) {
                throw new IllegalArgumentException("Unknown scenario '" + scenario + "' in --skip; expected one of " + SCENARIOS);
            }
        }
        Instant started = Instant.now();
        Profile profile = common.profile();
        List<String> notes = new ArrayList<>();
        notes.add("profile: " + profile.name());
        List<ScenarioResult> results = new ArrayList<>();
        if (!skip.contains("connections")) {
            // on its own fresh server: idle memory is measured from a clean heap, and a peer that runs out of
            // memory holding connections does not take the throughput scenarios down with it
            results.addAll(TargetRunner.runEach(common, targets, notes, context -> {
                Progress.say("connections against " + context.target().label());
                return List.of(ConnectionsScenario.run(context, profile.connections()));
            }));
        }
        results.addAll(TargetRunner.runEach(common, targets, notes, context -> {
            List<ScenarioResult> perTarget = new ArrayList<>();
            if (!skip.contains("broadcast")) {
                Progress.say("broadcast against " + context.target().label());
                BroadcastScenario.Params p = profile.broadcast();
                perTarget.add(BroadcastScenario.run(context, new BroadcastScenario.Params(p.clients(), p.deliveryRates(),
                        p.payloadBytes(), common.warmup(p.warmup()), common.window(p.window()), p.halfRateStep())));
            }
            if (!skip.contains("echo")) {
                Progress.say("echo against " + context.target().label());
                EchoScenario.Params p = profile.echo();
                perTarget.add(EchoScenario.run(context, new EchoScenario.Params(p.clients(), p.rates(), p.payloadBytes(),
                        common.warmup(p.warmup()), common.window(p.window()), p.p99LimitMs())));
            }
            if (!skip.contains("group")) {
                Progress.say("group against " + context.target().label());
                GroupScenario.Params p = profile.group();
                perTarget.add(GroupScenario.run(context, new GroupScenario.Params(p.clients(), p.groupSize(),
                        p.deliveryRates(), p.payloadBytes(), common.warmup(p.warmup()), common.window(p.window()))));
            }
            return perTarget;
        }));
        boolean hubkit = targets.url == null && targets.specs().stream().anyMatch(s -> s.kind() == ServerKind.HUBKIT);
        if (!skip.contains("scale-out") && hubkit) {
            ScaleOutRun.Setup setup = new ScaleOutRun.Setup(redisServer,
                    hubServiceJar != null ? hubServiceJar : HubServiceProcess.jarOnClassPath(), List.of());
            for (String backplane : ScaleOutRun.BACKPLANES) {
                results.add(ScaleOutRun.run(common, profile, "json", profile.scaleOutServers(), List.of(), backplane,
                        setup));
            }
        }
        List<ClientComparison> checks = List.of();
        if (!skip.contains("check") && hubkit) {
            checks = CheckRun.run(common, profile, List.of("json", "messagepack"), notes);
        }
        String[] original = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
        System.out.println(ReportOutput.write(common.outputFolder(null), original, started, results, checks, notes));
        boolean clean = results.stream().allMatch(r -> r.error() == null) && checks.stream().allMatch(ClientComparison::agree);
        return clean ? 0 : 1;
    }
}
