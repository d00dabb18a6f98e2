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
import java.nio.file.Path;
import java.util.List;

/**
 * The scale-out scenario as the commands run it: either clusters the tool starts — N HubKit servers
 * on a fresh Redis ({@link #REDIS}, reported as target {@code hubkit-<protocol>}), or N HubKit
 * servers handing their clients to a fresh hub service ({@link #SERVICE}, target
 * {@code hubkit-<protocol>-service}) — or servers already running ({@code --url}, one per server,
 * e.g. app servers on a shared backplane), of which the first N are used.
 */
final class ScaleOutRun {

    /** App servers on a Redis backplane. */
    static final String REDIS = "redis";
    /** App servers handing their clients to a hub service. */
    static final String SERVICE = "service";
    static final List<String> BACKPLANES = List.of(REDIS, SERVICE);

    private ScaleOutRun() {
    }

    /**
     * Where the backplanes come from: the {@code redis-server} executable, the hub service's runnable
     * jar, and the HubKit servers' arguments (empty: each backplane's defaults).
     */
    record Setup(String redisExecutable, Path serviceJar, List<String> serverArgs) {

        List<String> serverArgs(String backplane) {
            if (!serverArgs.isEmpty()) {
                return serverArgs;
            }
            return SERVICE.equals(backplane) ? ServiceCluster.DEFAULT_SERVER_ARGS : RedisCluster.DEFAULT_SERVER_ARGS;
        }
    }

    static ScenarioResult run(CommonOptions common, Profile profile, String protocol, List<Integer> serverCounts,
                              List<URI> urls, String backplane, Setup setup) {
        if (!BACKPLANES.contains(backplane)) {
            throw new IllegalArgumentException("Unknown backplane '" + backplane + "'; expected one of " + BACKPLANES);
        }
        BroadcastScenario.Params broadcast = profile.scaleOutBroadcast();
        GroupScenario.Params group = profile.scaleOutGroup();
        broadcast = new BroadcastScenario.Params(broadcast.clients(), broadcast.deliveryRates(), broadcast.payloadBytes(),
                common.warmup(broadcast.warmup()), common.window(broadcast.window()), false);
        group = new GroupScenario.Params(group.clients(), group.groupSize(), group.deliveryRates(), group.payloadBytes(),
                common.warmup(group.warmup()), common.window(group.window()));
        boolean external = urls != null && !urls.isEmpty();
        List<Integer> counts = external ? serverCounts.stream().filter(n -> n <= urls.size()).toList() : serverCounts;
        boolean service = !external && SERVICE.equals(backplane);
        ScaleOutScenario.Params params = new ScaleOutScenario.Params(external ? "external servers"
                : service ? "hub-service" : REDIS, counts, broadcast, group);
        List<String> serverArgs = setup.serverArgs(backplane);
        Cluster.Factory factory = servers -> {
            Progress.say("scale-out: " + servers + " HubKit servers (" + protocol + ", "
                    + (external ? "external" : backplane) + ")");
            if (external) {
                return external(urls.subList(0, servers), protocol, common);
            }
            if (service) {
                return ServiceCluster.start(common.environment(), setup.serviceJar(), serverArgs, servers, protocol,
                        common);
            }
            return RedisCluster.start(common.environment(), setup.redisExecutable(), serverArgs, servers, protocol,
                    common);
        };
        String label = "hubkit-" + protocol + (service ? "-service" : "");
        String server = ServerKind.HUBKIT.displayName() + (service ? " through hub-service" : external ? "" : " on Redis");
        return ScaleOutScenario.run(label, server, factory, params);
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
