package io.hubkit.core.context;

import reactor.core.publisher.Mono;

/** How a {@link ClientProxy} reaches its clients: one backplane call, lazily. */
@FunctionalInterface
interface SendFunction {

    Mono<Void> send(String method, Object[] args);
}
