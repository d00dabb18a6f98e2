package io.hubkit.backplane.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * {@link RedisBus} on a Redis Cluster. Classic mode ({@link RedisMode#CLUSTER}) subscribes on one
 * node and publishes through one node (the cluster copies every message to every node); a publish's
 * receiver count then only covers one node, so subscribers are counted on every node instead. Sharded mode ({@link RedisMode#CLUSTER_SHARDED}) uses
 * {@code SSUBSCRIBE}/{@code SPUBLISH}: Lettuce routes each to the node owning the channel's slot,
 * so a message only travels within its shard and the counts are exact; messages on different
 * channels then travel through different nodes and keep no order between each other.
 *
 * <p>Owns its {@link RedisClusterClient}; a connection event of any node connection is reported
 * (conservatively: a lost node connection is reported as a lost bus).
 */
final class ClusterRedisBus implements RedisBus {

    private final RedisClusterClient client;
    private final List<RedisURI> uris;
    private final RedisBackplaneOptions options;
    private final boolean sharded;
    private final Listener listener;
    private volatile StatefulRedisClusterPubSubConnection<byte[], byte[]> subscriber;
    private volatile StatefulRedisClusterConnection<byte[], byte[]> publisher;

    ClusterRedisBus(ClientResources resources, RedisBackplaneOptions options, boolean sharded, Listener listener) {
        this.options = options;
        this.sharded = sharded;
        this.listener = listener;
        this.uris = options.uris().stream().map(uri -> LettuceSettings.uri(uri, options)).collect(Collectors.toList());
        this.client = RedisClusterClient.create(resources, uris);
        client.setOptions(LettuceSettings.cluster(options));
        try {
            StatefulRedisClusterPubSubConnection<byte[], byte[]> sub = client.connectPubSub(ByteArrayCodec.INSTANCE);
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(byte[] channel, byte[] message) {
                    if (!sharded) {
                        listener.message(new String(channel, StandardCharsets.UTF_8), message);
                    }
                }

                @Override
                public void smessage(byte[] channel, byte[] message) {
                    if (sharded) {
                        listener.message(new String(channel, StandardCharsets.UTF_8), message);
                    }
                }
            });
            subscriber = sub;
            publisher = client.connect(ByteArrayCodec.INSTANCE);
            client.addListener(new StateListener());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public Mono<Long> publish(String channel, byte[] payload) {
        byte[] key = StandaloneRedisBus.bytes(channel);
        if (sharded) {
            return Mono.fromCompletionStage(() -> publisher.async().spublish(key, payload));
        }
        return Mono.fromCompletionStage(() -> publishingNode().thenCompose(node -> node.async().publish(key, payload)));
    }

    /**
     * The node every classic publish of this bus goes through: the upstream node with the lowest id.
     * Redis forwards a publish from its node to every other node over one link per node pair, in
     * order, so one node per sender keeps that sender's messages in order everywhere (publishing by
     * channel slot, through several nodes, would let messages on different channels overtake each
     * other). Chosen again on every publish, so a topology change moves it.
     */
    private CompletableFuture<StatefulRedisConnection<byte[], byte[]>> publishingNode() {
        RedisClusterNode chosen = null;
        for (RedisClusterNode node : publisher.getPartitions()) {
            boolean upstream = node.is(RedisClusterNode.NodeFlag.UPSTREAM) || node.is(RedisClusterNode.NodeFlag.MASTER);
            if (upstream && !node.is(RedisClusterNode.NodeFlag.FAIL)
                    && (chosen == null || node.getNodeId().compareTo(chosen.getNodeId()) < 0)) {
                chosen = node;
            }
        }
        if (chosen == null) {
            return CompletableFuture.failedFuture(new RedisBackplaneException("The Redis Cluster has no upstream node"));
        }
        return publisher.getConnectionAsync(chosen.getNodeId());
    }

    @Override
    public CompletableFuture<Void> subscribe(String channel) {
        byte[] key = StandaloneRedisBus.bytes(channel);
        return (sharded ? subscriber.async().ssubscribe(key) : subscriber.async().subscribe(key))
                .toCompletableFuture()
                .orTimeout(options.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String channel) {
        byte[] key = StandaloneRedisBus.bytes(channel);
        return (sharded ? subscriber.async().sunsubscribe(key) : subscriber.async().unsubscribe(key))
                .toCompletableFuture()
                .orTimeout(options.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Mono<Boolean> hasSubscribers(String channel) {
        byte[] key = StandaloneRedisBus.bytes(channel);
        if (sharded) {
            // routed to the node owning the channel's slot, where its shard subscribers are
            return Mono.fromCompletionStage(() -> publisher.async().pubsubShardNumsub(key))
                    .map(counts -> counts.values().stream().anyMatch(count -> count != null && count > 0));
        }
        // classic subscriptions live on whichever node the subscriber connected to: ask them all
        return Mono.fromCompletionStage(() -> publisher.async().all().commands().pubsubNumsub(key))
                .map(perNode -> perNode.stream()
                        .flatMap(counts -> counts.values().stream())
                        .anyMatch(count -> count != null && count > 0));
    }

    @Override
    public boolean publishCountsAreExact() {
        return sharded;
    }

    @Override
    public boolean isConnected() {
        StatefulRedisClusterPubSubConnection<byte[], byte[]> sub = subscriber;
        StatefulRedisClusterConnection<byte[], byte[]> pub = publisher;
        return sub != null && pub != null && sub.isOpen() && pub.isOpen();
    }

    @Override
    public Mono<String> ping() {
        return Mono.fromCompletionStage(() -> publisher.async().ping());
    }

    @Override
    public String describe() {
        return (sharded ? "cluster (sharded pub/sub)" : "cluster") + " seeds "
                + uris.stream().map(u -> u.getHost() + ":" + u.getPort()).collect(Collectors.joining(","));
    }

    @Override
    public void close() {
        StatefulRedisClusterPubSubConnection<byte[], byte[]> sub = subscriber;
        StatefulRedisClusterConnection<byte[], byte[]> pub = publisher;
        if (sub != null) {
            sub.close();
        }
        if (pub != null) {
            pub.close();
        }
        client.shutdown(0, options.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Any connection of this bus's client going down or coming back. */
    private final class StateListener implements RedisConnectionStateListener {

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress socketAddress) {
            listener.connectionRestored();
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            listener.connectionLost();
        }
    }
}
