package io.hubkit.spring.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes the small, complete responses of the hub endpoints, always with an explicit Content-Length. Stateless. */
public final class HttpResponses {

    private HttpResponses() {
    }

    /** Ends the exchange with {@code status} and {@code message} as {@code text/plain} (UTF-8). */
    public static Mono<Void> text(ServerWebExchange exchange, HttpStatus status, String message) {
        return write(exchange, status, MediaType.TEXT_PLAIN, message.getBytes(StandardCharsets.UTF_8));
    }

    /** Ends the exchange with 200 and {@code json} as {@code application/json}. */
    public static Mono<Void> json(ServerWebExchange exchange, byte[] json) {
        return write(exchange, HttpStatus.OK, MediaType.APPLICATION_JSON, json);
    }

    /** Ends the exchange with {@code status} and no body ({@code Content-Length: 0}). */
    public static Mono<Void> empty(ServerWebExchange exchange, HttpStatus status) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentLength(0);
        return response.setComplete();
    }

    /** Ends the exchange with {@code status} and {@code body} as {@code type}. */
    public static Mono<Void> bytes(ServerWebExchange exchange, HttpStatus status, MediaType type, byte[] body) {
        return write(exchange, status, type, body);
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, MediaType type, byte[] body) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(type);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
