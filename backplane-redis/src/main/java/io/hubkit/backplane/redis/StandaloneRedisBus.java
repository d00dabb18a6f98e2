package io.hubkit.backplane.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * {@link RedisBus} on one Redis server: {@code SUBSCRIBE}/{@code PUBLISH}, receiver counts exact.
 * Owns its {@link RedisClient} (sharing the factory's {@link ClientResources}), so the connection
 * events it hears are its own.
 */
final class StandaloneRedisBus implements RedisBus {

    private final RedisClient client;
    private final RedisURI uri;
    private final RedisBackplaneOptions options;
    private final Listener listener;
    private volatile StatefulRedisPubSubConnection<byte[], byte[]> subscriber;
    private volatile StatefulRedisConnection<byte[], byte[]> publisher;

    StandaloneRedisBus(ClientResources resources, RedisBackplaneOptions options, Listener listener) {
        this.options = options;
        this.listener = listener;
        this.uri = LettuceSettings.uri(options.uris().get(0), options);
        this.client = RedisClient.create(resources, uri);
        client.setOptions(LettuceSettings.standalone(options));
        try {
            StatefulRedisPubSubConnection<byte[], byte[]> sub = client.connectPubSub(ByteArrayCodec.INSTANCE);
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(byte[] channel, byte[] message) {
                    listener.message(new String(channel, StandardCharsets.UTF_8), message);
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
        return Mono.fromCompletionStage(() -> publisher.async().publish(bytes(channel), payload));
    }

    @Override
    public CompletableFuture<Void> subscribe(String channel) {
        return subscriber.async().subscribe(bytes(channel)).toCompletableFuture()
                .orTimeout(options.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(String channel) {
        return subscriber.async().unsubscribe(bytes(channel)).toCompletableFuture()
                .orTimeout(options.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Mono<Boolean> hasSubscribers(String channel) {
        return Mono.fromCompletionStage(() -> publisher.async().pubsubNumsub(bytes(channel)))
                .map(counts -> counts.values().stream().anyMatch(count -> count != null && count > 0));
    }

    @Override
    public boolean publishCountsAreExact() {
        return true;
    }

    @Override
    public boolean isConnected() {
        StatefulRedisPubSubConnection<byte[], byte[]> sub = subscriber;
        StatefulRedisConnection<byte[], byte[]> pub = publisher;
        return sub != null && pub != null && sub.isOpen() && pub.isOpen();
    }

    @Override
    public Mono<String> ping() {
        return Mono.fromCompletionStage(() -> publisher.async().ping());
    }

    @Override
    public String describe() {
        return "standalone " + uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public void close() {
        StatefulRedisPubSubConnection<byte[], byte[]> sub = subscriber;
        StatefulRedisConnection<byte[], byte[]> pub = publisher;
        if (sub != null) {
            sub.close();
        }
        if (pub != null) {
            pub.close();
        }
        client.shutdown(0, options.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    static byte[] bytes(String channel) {
        return channel.getBytes(StandardCharsets.UTF_8);
    }

    /** Tells the backplane when one of this bus's two connections goes down or comes back. */
    private final class StateListener implements RedisConnectionStateListener {

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress socketAddress) {
            if (isOurs(connection)) {
                listener.connectionRestored();
            }
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if (isOurs(connection)) {
                listener.connectionLost();
            }
        }

        private boolean isOurs(RedisChannelHandler<?, ?> connection) {
            return connection == subscriber || connection == publisher;
        }
    }
}
