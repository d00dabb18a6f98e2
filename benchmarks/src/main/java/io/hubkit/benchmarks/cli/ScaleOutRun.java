package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.load.Target;
import io.hubkit.benchmarks.report.ScenarioResult;
import io.hubkit.benchmarks.scenarios.BroadcastScenario;
import io.hubkit.benchmarks.scenarios.Cluster;
import io.hubkit.benchmarks.scenarios.GroupScenario;
import io.hubkit.benchmarks.Progress;
import io.hubkit.benchmarks.scenarios.RunContext;
import io.hubkit.benchmarks.scenarios.ScaleOutScenario;
import io.hubkit.benchmarks.servers.ServerKind;
import io.hubkit.benchmarks.servers.StatsClient;
import java.net.URI;
import java.util.List;

/**
 * The scale-out scenario as the commands run it: either clusters the tool starts (Redis plus N
 * HubKit servers) or servers already running ({@code --url}, one per server, e.g. app servers on a
 * shared backplane or the client endpoint of a hub service), of which the first N are used.
 */
final class ScaleOutRun {

    private ScaleOutRun() {
    }

    static ScenarioResult run(CommonOptions common, Profile profile, String protocol, List<Integer> serverCounts,
                              List<URI> urls, String redisExecutable, List<String> serverArgs) {
        BroadcastScenario.Params broadcast = profile.scaleOutBroadcast();
        GroupScenario.Params group = profile.scaleOutGroup();
        broadcast = new BroadcastScenario.Params(broadcast.clients(), broadcast.deliveryRates(), broadcast.payloadBytes(),
                common.warmup(broadcast.warmup()), common.window(broadcast.window()), false);
        group = new GroupScenario.Params(group.clients(), group.groupSize(), group.deliveryRates(), group.payloadBytes(),
                common.warmup(group.warmup()), common.window(group.window()));
        boolean external = urls != null && !urls.isEmpty();
        List<Integer> counts = external ? serverCounts.stream().filter(n -> n <= urls.size()).toList() : serverCounts;
        ScaleOutScenario.Params params = new ScaleOutScenario.Params(external ? "external servers" : "redis", counts,
                broadcast, group);
        Cluster.Factory factory = servers -> {
            Progress.say("scale-out: " + servers + " HubKit servers (" + protocol + ")");
            if (external) {
                return external(urls.subList(0, servers), protocol, common);
            }
            return RedisCluster.start(common.environment(), redisExecutable, serverArgs, servers, protocol, common);
        };
        return ScaleOutScenario.run("hubkit-" + protocol, ServerKind.HUBKIT.displayName(), factory, params);
    }

    private static Cluster external(List<URI> uris, String protocol, CommonOptions common) {
        List<StatsClient> stats = uris.stream().map(uri -> new StatsClient(RunContext.statsUri(uri))).toList();
        RunContext context = new RunContext(new Target(ServerKind.HUBKIT, protocol, uris.get(0)), uris, List.of(), stats,
                common.sourceAddresses, common.connectParallelism);
        return new Cluster() {
            @Override
            public RunContext context() {
                return context;
            }

            @Override
            public void close() {
                // started elsewhere, stopped elsewhere
            }
        };
    }
}
