package io.hubkit.benchmarks.scenarios;

import io.hubkit.benchmarks.apps.stats.ServerStats;
import io.hubkit.benchmarks.load.Target;
import io.hubkit.benchmarks.servers.StatsClient;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * What a scenario runs against: the target (server kind and protocol), the WebSocket URI of each
 * app server (one unless scale-out), the servers' process ids for CPU accounting (empty when they
 * were started elsewhere), their stats endpoints, and how many loopback source addresses the load
 * client spreads its connections over.
 */
public record RunContext(Target target, List<URI> uris, List<Long> serverPids, List<StatsClient> stats,
                         int sourceAddresses, int connectParallelism) {

    public RunContext {
        uris = List.copyOf(uris);
        serverPids = List.copyOf(serverPids);
        stats = List.copyOf(stats);
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("at least one server URI");
        }
    }

    /** A context for one server at {@code target}'s URI whose stats endpoint is on the same host and port. */
    public static RunContext single(Target target, Long pid, int sourceAddresses, int connectParallelism) {
        return new RunContext(target, List.of(target.uri()), pid == null ? List.of() : List.of(pid),
                List.of(new StatsClient(statsUri(target.uri()))), sourceAddresses, connectParallelism);
    }

    /** {@code http://host:port/bench/stats} of the server behind a WebSocket URI. */
    public static URI statsUri(URI webSocketUri) {
        return URI.create("http://" + webSocketUri.getHost() + ":" + webSocketUri.getPort() + "/bench/stats");
    }

    /** The first server's stats (the one the connections scenario measures). */
    public ServerStats firstServerStats() throws IOException {
        return stats.get(0).fetch();
    }
}
