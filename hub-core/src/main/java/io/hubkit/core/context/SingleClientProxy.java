package io.hubkit.core.context;

import java.lang.reflect.Type;
import reactor.core.publisher.Mono;

/**
 * One connection: besides sending, it can be asked for a client result — the server invokes a
 * client method and waits for the value the client's handler returns.
 */
public interface SingleClientProxy extends ClientProxy {

    /**
     * Invokes {@code method} on the client and completes with its result bound to {@code resultType}.
     * Fails with a {@link io.hubkit.core.HubException} carrying the client's error text (for example
     * {@code "Client didn't provide a result."} when the client has no handler), when the connection
     * goes away, or when the configured client-result timeout elapses.
     */
    <T> Mono<T> invoke(Class<T> resultType, String method, Object... args);

    /** As {@link #invoke(Class, String, Object...)} for a generic result type. */
    <T> Mono<T> invoke(Type resultType, String method, Object... args);

    /**
     * A strongly typed view where methods returning {@code Mono<T>} (or a plain {@code T}, which
     * blocks and so must not be used on an event loop) are client results.
     */
    @Override
    <T> T as(Class<T> clientInterface);
}
