package io.hubkit.spring.web;

import java.security.Principal;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The name of the principal a request was authenticated as. Stateless. */
final class RequestUsers {

    private RequestUsers() {
    }

    /** Emits the principal's {@link Principal#getName() name}, or an empty {@code Optional} for an anonymous request. */
    static Mono<Optional<String>> nameOf(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(principal -> Optional.ofNullable(principal.getName()))
                .defaultIfEmpty(Optional.empty());
    }
}
