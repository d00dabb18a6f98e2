package io.hubkit.core.context;

import reactor.core.publisher.Mono;

/**
 * A set of clients that can be sent a method call ({@code all()}, {@code group("x")}, …).
 * Sends are fire-and-forget on the wire: no client answers. The returned {@code Mono} completes
 * when the backplane has accepted the message (delivery to each connection's outbound queue for
 * the local backplane); it is lazy, so it must be subscribed (or returned from a hub method).
 */
public interface ClientProxy {

    /** Invokes {@code method} with {@code args} on every client of this proxy. */
    Mono<Void> send(String method, Object... args);

    /**
     * A strongly typed view: each interface method sends a call of the same name (or the name given
     * by {@link io.hubkit.core.annotation.ClientMethod}) with its arguments. Methods must return
     * {@code void} (send and forget) or {@code Mono<Void>} (lazy send).
     */
    <T> T as(Class<T> clientInterface);
}
