package io.hubkit.service.routing;

import reactor.core.publisher.Mono;

/**
 * Carries routing operations and existence questions between the instances of one service
 * (scale-out). The {@link ServiceRouter} applies every operation to its own instance first and then
 * {@linkplain #publish publishes} it; the bus delivers it to every <em>other</em> instance, whose
 * bus hands it to its {@link Receiver} (which applies it locally). So each instance applies each
 * operation exactly once; a bus must not echo an instance's own operations back to it.
 *
 * <p>Ordering: operations one instance publishes from one thread are delivered to each other
 * instance in that order. Delivery is at most once (an instance that is unreachable misses them);
 * a bus logs such failures and never fails the caller's local work.
 *
 * <p>Implementations: {@link InProcessServiceBus} (one JVM); the Redis implementation in the
 * scale-out package. Thread-safe.
 */
public interface ServiceBus {

    /** What a bus delivers operations and questions from other instances to. */
    interface Receiver {

        /** Applies an operation published by another instance to this instance's state. */
        void apply(RoutingOperation operation);

        /** Answers a question from another instance about this instance's state alone. */
        boolean answer(RoutingQuery query);
    }

    /** This instance's id on the bus (unique among the instances sharing it). */
    String instanceId();

    /** Starts delivering other instances' traffic to {@code receiver}; called once, before any publish. */
    Mono<Void> start(Receiver receiver);

    /** Delivers {@code operation} to every other instance; completes once it is handed over. */
    Mono<Void> publish(RoutingOperation operation);

    /**
     * Asks every other instance; emits {@code true} as soon as one answers true, {@code false} when
     * all answered false or the bus's bounded wait for answers has passed.
     */
    Mono<Boolean> askOthers(RoutingQuery query);

    /** Stops delivering and releases the bus's resources. Idempotent. */
    Mono<Void> stop();
}
