package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.load.Target;
import io.hubkit.benchmarks.scenarios.Cluster;
import io.hubkit.benchmarks.scenarios.RunContext;
import io.hubkit.benchmarks.servers.BenchEnvironment;
import io.hubkit.benchmarks.servers.RedisProcess;
import io.hubkit.benchmarks.servers.ServerKind;
import io.hubkit.benchmarks.servers.ServerProcess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A scale-out cluster started by the tool: one fresh {@code redis-server} and N HubKit benchmark
 * servers configured for the Redis backplane. The server arguments may contain {@code {redisPort}},
 * replaced by the Redis port. Closing stops the servers, then Redis.
 */
final class RedisCluster implements Cluster {

    /** What makes a HubKit server use the Redis backplane. */
    static final List<String> DEFAULT_SERVER_ARGS = List.of("--hubkit.backplane.type=redis",
            "--hubkit.backplane.redis.uri=redis://127.0.0.1:{redisPort}");

    private final RedisProcess redis;
    private final List<ServerProcess> servers;
    private final RunContext context;

    private RedisCluster(RedisProcess redis, List<ServerProcess> servers, RunContext context) {
        this.redis = redis;
        this.servers = servers;
        this.context = context;
    }

    static RedisCluster start(BenchEnvironment env, String redisExecutable, List<String> serverArgs, int count,
                              String protocol, CommonOptions common) throws IOException {
        RedisProcess redis = RedisProcess.start(redisExecutable, env.scratchDir());
        List<ServerProcess> servers = new ArrayList<>();
        try {
            List<String> args = serverArgs.stream()
                    .map(arg -> arg.replace("{redisPort}", Integer.toString(redis.port())))
                    .toList();
            for (int i = 0; i < count; i++) {
                servers.add(ServerProcess.start(env, ServerKind.HUBKIT, args));
            }
        } catch (IOException | RuntimeException e) {
            servers.forEach(ServerProcess::close);
            redis.close();
            throw e;
        }
        return new RedisCluster(redis, servers, ClusterContexts.of(servers, redis.pid(),
                first -> new Target(ServerKind.HUBKIT, protocol, first), common));
    }

    @Override
    public RunContext context() {
        return context;
    }

    @Override
    public void close() {
        servers.forEach(ServerProcess::close);
        redis.close();
    }
}
