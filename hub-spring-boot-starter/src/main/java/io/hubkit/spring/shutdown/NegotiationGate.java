package io.hubkit.spring.shutdown;

import io.hubkit.spring.web.ServedEndpoints;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses negotiations once the hubs are shutting down: a {@code POST {path}/negotiate} on any
 * served endpoint gets {@code 503 Service Unavailable} (text {@value #REFUSAL}), so that
 * reconnecting clients go to another instance; every other request passes. Runs before the other
 * web filters. Thread-safe.
 */
public final class NegotiationGate implements WebFilter, Ordered {

    /** The body of a refused negotiation. */
    public static final String REFUSAL = "The server is shutting down.";

    /** The filter's order: ahead of security and the application's filters. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final GracefulShutdown shutdown;
    private final ServedEndpoints endpoints;

    public NegotiationGate(GracefulShutdown shutdown, ServedEndpoints endpoints) {
        this.shutdown = shutdown;
        this.endpoints = endpoints;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!shutdown.isDraining()) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean negotiate = endpoints.match(path).map(ServedEndpoints.PathMatch::negotiate).orElse(false);
        if (!negotiate) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
        return response.writeWith(Mono.fromSupplier(() ->
                response.bufferFactory().wrap(REFUSAL.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
