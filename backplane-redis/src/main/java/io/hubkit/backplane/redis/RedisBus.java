package io.hubkit.backplane.redis;

import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * The Redis side of one backplane: a subscriber connection and a publisher connection, in one of
 * the {@link RedisMode}s. Commands fail at once while Redis is unreachable (they are never queued
 * for later); the connections reconnect by themselves and say so to the {@link Listener}.
 *
 * <p>Thread-safe. {@link #subscribe} and {@link #unsubscribe} go out in the order they are called,
 * so a caller that serializes its calls per channel gets that order on the wire.
 *
 * <p>Public so that other HubKit components that need plain pub/sub with the backplane's fault
 * behaviour (the hub service's scale-out) can open one through {@link RedisBackplaneFactory#openBus}.
 */
public interface RedisBus extends AutoCloseable {

    /** Receives what the bus hears; called on Lettuce's I/O threads, so it must not block. */
    interface Listener {

        /** A message on a channel this bus subscribed to. */
        void message(String channel, byte[] payload);

        /** A connection to Redis was lost; subscriptions are not in effect until it comes back. */
        void connectionLost();

        /** A connection to Redis was (re-)established. */
        void connectionRestored();
    }

    /** Publishes; emits the number of receivers Redis reports. */
    Mono<Long> publish(String channel, byte[] payload);

    /** Subscribes to one channel; completes when Redis confirmed it. */
    CompletableFuture<Void> subscribe(String channel);

    /** Unsubscribes from one channel; completes when Redis confirmed it. */
    CompletableFuture<Void> unsubscribe(String channel);

    /** Whether anybody, on any node, subscribes to {@code channel}. */
    Mono<Boolean> hasSubscribers(String channel);

    /**
     * Whether {@link #publish}'s receiver count covers every subscriber; if not (classic pub/sub on a
     * cluster counts one node's subscribers only), a count of zero proves nothing.
     */
    boolean publishCountsAreExact();

    /** Whether both connections are up right now. */
    boolean isConnected();

    /** A round trip to Redis on the publisher connection. */
    Mono<String> ping();

    /** The mode and endpoints, for health details (never a password). */
    String describe();

    /** Closes both connections; idempotent. */
    @Override
    void close();
}
