package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.load.Target;
import io.hubkit.benchmarks.scenarios.RunContext;
import io.hubkit.benchmarks.servers.ServerProcess;
import io.hubkit.benchmarks.servers.StatsClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The run context of app servers behind one backplane process: the servers' hub URIs (clients are
 * spread over them), their statistics endpoints, and every process whose CPU counts as the
 * server's — the app servers and the backplane (Redis or a hub service).
 */
final class ClusterContexts {

    private ClusterContexts() {
    }

    /** The context; {@code target} makes the target from the first server's hub URI. */
    static RunContext of(List<ServerProcess> servers, long backplanePid, Function<URI, Target> target,
                         CommonOptions common) {
        List<URI> uris = servers.stream().map(ServerProcess::webSocketUri).toList();
        List<Long> pids = new ArrayList<>(servers.stream().map(ServerProcess::pid).toList());
        pids.add(backplanePid);
        List<StatsClient> stats = uris.stream().map(uri -> new StatsClient(RunContext.statsUri(uri))).toList();
        return new RunContext(target.apply(uris.get(0)), uris, pids, stats, common.sourceAddresses,
                common.connectParallelism);
    }
}
