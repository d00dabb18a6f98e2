package io.hubkit.samples.interop.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The test server's permissive CORS, in front of everything (the browser test runner serves its
 * pages from another origin): a request with an {@code Origin} gets that origin back as allowed, with
 * credentials, and the requested method and headers allowed; every {@code OPTIONS} request is
 * answered 204 at once. For tests only — never allow any origin with credentials in production.
 */
@Component
public class CorsEchoFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders request = exchange.getRequest().getHeaders();
        ServerHttpResponse response = exchange.getResponse();
        String origin = request.getOrigin();
        if (origin != null && !origin.isEmpty()) {
            HttpHeaders headers = response.getHeaders();
            headers.setAccessControlAllowOrigin(origin);
            headers.setAccessControlAllowCredentials(true);
            String method = request.getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
            if (method != null && !method.isEmpty()) {
                headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, method);
            }
            String requestedHeaders = request.getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
            if (requestedHeaders != null && !requestedHeaders.isEmpty()) {
                headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, requestedHeaders);
            }
        }
        if (HttpMethod.OPTIONS.equals(exchange.getRequest().getMethod())) {
            response.setStatusCode(HttpStatus.NO_CONTENT);
            return response.setComplete();
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
