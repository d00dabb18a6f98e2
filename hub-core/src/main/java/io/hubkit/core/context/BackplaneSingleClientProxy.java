package io.hubkit.core.context;

import io.hubkit.core.HubException;
import io.hubkit.core.backplane.Backplane;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;

/**
 * One connection, on any server, through the backplane. Client results wait at most the hub's
 * client-result timeout; on timeout the pending call is forgotten (a late answer is ignored) and
 * the Mono fails with a {@link HubException}. Immutable and thread-safe.
 */
final class BackplaneSingleClientProxy implements SingleClientProxy {

    private final Backplane backplane;
    private final String connectionId;
    private final Duration resultTimeout;

    BackplaneSingleClientProxy(Backplane backplane, String connectionId, Duration resultTimeout) {
        this.backplane = backplane;
        this.connectionId = connectionId;
        this.resultTimeout = resultTimeout;
    }

    @Override
    public Mono<Void> send(String method, Object... args) {
        Object[] arguments = args == null ? new Object[0] : args.clone();
        return Mono.defer(() -> backplane.sendConnection(connectionId, method, arguments));
    }

    @Override
    public <T> Mono<T> invoke(Class<T> resultType, String method, Object... args) {
        return invoke((Type) resultType, method, args);
    }

    @Override
    public <T> Mono<T> invoke(Type resultType, String method, Object... args) {
        Object[] arguments = args == null ? new Object[0] : args.clone();
        return Mono.defer(() -> backplane.<T>invokeConnection(connectionId, method, arguments, resultType))
                .timeout(resultTimeout)
                .onErrorMap(TimeoutException.class, e -> new HubException("The client '" + connectionId
                        + "' did not answer '" + method + "' within " + resultTimeout.toMillis() + " ms.", e));
    }

    @Override
    public <T> T as(Class<T> clientInterface) {
        return TypedClientProxies.create(clientInterface, this, this);
    }
}
