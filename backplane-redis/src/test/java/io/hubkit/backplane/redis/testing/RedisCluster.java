package io.hubkit.backplane.redis.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A three-master Redis Cluster made of three {@link RedisServer}s started with
 * {@code --cluster-enabled yes} and joined by {@code redis-cli --cluster create ... --cluster-yes}
 * (no replicas). Ready when every node reports {@code cluster_state:ok}. {@link #close()} stops
 * all three.
 */
public final class RedisCluster implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(30);

    private final List<RedisServer> nodes;

    private RedisCluster(List<RedisServer> nodes) {
        this.nodes = nodes;
    }

    /** Starts three nodes and creates the cluster. */
    public static RedisCluster start() {
        List<RedisServer> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(RedisServer.start(List.of(
                        "--cluster-enabled", "yes",
                        "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", "2000"), true));
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            nodes.forEach(node -> create.add("127.0.0.1:" + node.port()));
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            String output = RedisServer.run(create, java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
            RedisCluster cluster = new RedisCluster(nodes);
            cluster.awaitReady(output);
            return cluster;
        } catch (RuntimeException e) {
            nodes.forEach(RedisServer::close);
            throw e;
        }
    }

    /** The nodes (all masters). */
    public List<RedisServer> nodes() {
        return nodes;
    }

    /** Every node's URI, as cluster seeds. */
    public List<String> uris() {
        return nodes.stream().map(RedisServer::uri).collect(Collectors.toList());
    }

    @Override
    public void close() {
        nodes.forEach(RedisServer::close);
    }

    private void awaitReady(String createOutput) {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            boolean ready = nodes.stream().allMatch(node -> node.cli("cluster", "info").contains("cluster_state:ok"));
            if (ready) {
                return;
            }
            RedisServer.sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("The Redis Cluster did not become ready within " + READY
                + "; redis-cli --cluster create said: " + createOutput);
    }
}
