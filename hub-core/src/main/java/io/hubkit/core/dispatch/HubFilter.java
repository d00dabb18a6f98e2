package io.hubkit.core.dispatch;

import reactor.core.publisher.Mono;

/**
 * Wraps hub method invocations and the connected / disconnected callbacks, like ASP.NET Core's
 * {@code IHubFilter}. Filters form a chain in registration order: the first filter's method runs
 * first and calls {@code next} to run the rest of the chain and finally the hub; it may act before
 * and after, replace the result, or fail instead of calling {@code next}.
 *
 * <p>A filter runs on the connection's receive thread (before a {@code @Blocking} method is moved
 * to the blocking scheduler), so it must not block. One filter instance serves every connection
 * and must be thread-safe. Every method defaults to just calling {@code next}.
 */
public interface HubFilter {

    /**
     * Around one hub method invocation. The Mono {@code next} returns emits the method's result:
     * the value (empty for {@code void} or {@code null}), the value a returned {@code Mono} or
     * {@code CompletionStage} completed with, or, for a streaming method, the returned
     * {@code Flux} itself. An error becomes the invocation's error on the wire.
     */
    default Mono<Object> invokeMethod(HubInvocationContext context, InvocationNext next) {
        return next.invoke(context);
    }

    /** Around the hub's connected callback (the chain runs even when the hub has none). */
    default Mono<Void> onConnected(HubLifetimeContext context, LifetimeNext next) {
        return next.invoke(context);
    }

    /** Around the hub's disconnected callback; {@code error} ended the connection, or is {@code null}. */
    default Mono<Void> onDisconnected(HubLifetimeContext context, Throwable error, DisconnectedNext next) {
        return next.invoke(context, error);
    }

    /** The rest of the invocation chain. */
    @FunctionalInterface
    interface InvocationNext {
        Mono<Object> invoke(HubInvocationContext context);
    }

    /** The rest of the connected chain. */
    @FunctionalInterface
    interface LifetimeNext {
        Mono<Void> invoke(HubLifetimeContext context);
    }

    /** The rest of the disconnected chain. */
    @FunctionalInterface
    interface DisconnectedNext {
        Mono<Void> invoke(HubLifetimeContext context, Throwable error);
    }
}
