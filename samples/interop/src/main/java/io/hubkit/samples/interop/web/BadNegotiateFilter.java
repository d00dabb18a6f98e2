package io.hubkit.samples.interop.web;

import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** {@code /bad-negotiate…} answers 400 {@code Some response from server}, for the clients' negotiate error handling. */
@Component
public class BadNegotiateFilter implements WebFilter, Ordered {

    public static final int ORDER = NegotiateCookiesFilter.ORDER + 10;

    private static final byte[] BODY = "Some response from server".getBytes(StandardCharsets.UTF_8);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!Paths.startsWithSegment(exchange.getRequest().getPath().pathWithinApplication().value(), "/bad-negotiate")) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        response.getHeaders().setContentLength(BODY.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(BODY)));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
