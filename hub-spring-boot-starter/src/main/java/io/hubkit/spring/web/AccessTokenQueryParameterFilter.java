package io.hubkit.spring.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Makes the {@code access_token} query parameter usable by any bearer-token authentication: browsers
 * cannot set headers on WebSocket and EventSource requests, so the official clients put the token in
 * the URL there. For requests on an endpoint's path or negotiate path that carry {@code access_token}
 * and no {@code Authorization} header, the request continues with
 * {@code Authorization: Bearer <access_token>}; a request with its own header is left as it is
 * (the header wins, as on the official test server). Authentication itself stays with the
 * application (e.g. Spring Security's resource server, whose filter chain runs after this one).
 * Stateless and thread-safe.
 */
public final class AccessTokenQueryParameterFilter implements WebFilter, Ordered {

    /** Runs before Spring Security's filter chain ({@code -100}). */
    public static final int ORDER = -200;

    /** The query parameter the official clients use. */
    public static final String PARAMETER = "access_token";

    private final ServedEndpoints endpoints;

    public AccessTokenQueryParameterFilter(ServedEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        String token = request.getQueryParams().getFirst(PARAMETER);
        if (token == null || token.isBlank()
                || endpoints.match(request.getPath().pathWithinApplication().value()).isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest withHeader = request.mutate()
                .headers(headers -> headers.setBearerAuth(token.trim()))
                .build();
        return chain.filter(exchange.mutate().request(withHeader).build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
