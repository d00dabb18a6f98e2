package io.hubkit.spring.web;

import java.util.function.BiFunction;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * The handler {@link HubHandlerMapping} returns for a request on one endpoint's negotiate or
 * transport path. Carries the endpoint's CORS policy, which the mapping applies (preflights are
 * answered without reaching the endpoint). Immutable.
 */
final class EndpointRequestHandler implements WebHandler, CorsConfigurationSource {

    private final ServedEndpoint endpoint;
    private final BiFunction<ServerWebExchange, ServedEndpoint, Mono<Void>> serve;

    EndpointRequestHandler(ServedEndpoint endpoint, BiFunction<ServerWebExchange, ServedEndpoint, Mono<Void>> serve) {
        this.endpoint = endpoint;
        this.serve = serve;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        return serve.apply(exchange, endpoint);
    }

    @Override
    public CorsConfiguration getCorsConfiguration(ServerWebExchange exchange) {
        return endpoint.settings().cors();
    }
}
