package io.hubkit.core.context;

import reactor.core.publisher.Mono;

/**
 * A {@link ClientProxy} whose sends are one backplane call each ({@code sendAll}, {@code sendGroup},
 * …). Immutable and thread-safe; the arguments array is copied at the send.
 */
final class BackplaneClientProxy implements ClientProxy {

    private final SendFunction sender;

    BackplaneClientProxy(SendFunction sender) {
        this.sender = sender;
    }

    @Override
    public Mono<Void> send(String method, Object... args) {
        Object[] arguments = args == null ? new Object[0] : args.clone();
        return Mono.defer(() -> sender.send(method, arguments));
    }

    @Override
    public <T> T as(Class<T> clientInterface) {
        return TypedClientProxies.create(clientInterface, this, null);
    }
}
