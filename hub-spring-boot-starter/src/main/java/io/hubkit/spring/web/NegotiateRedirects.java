package io.hubkit.spring.web;

import reactor.core.publisher.Mono;
import org.springframework.web.server.ServerWebExchange;

/**
 * Decides whether a negotiate request is answered with a {@link NegotiateRedirect} instead of a
 * connection on this server (e.g. the service backplane sends every client to its hub service).
 * A bean of this type is used by the {@link NegotiateHandler}; without one, every hub negotiates
 * locally. Implementations are thread-safe and non-blocking.
 */
@FunctionalInterface
public interface NegotiateRedirects {

    /**
     * The redirect for this negotiate request to {@code endpoint}, or an empty {@code Mono} to
     * negotiate a connection on this server. An error fails the request (HTTP 500).
     */
    Mono<NegotiateRedirect> redirect(ServerWebExchange exchange, ServedEndpoint endpoint);
}
