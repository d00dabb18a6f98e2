package io.hubkit.samples.interop.web;

import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Sets the cookies of the test contract on every request whose path contains {@code /negotiate}:
 * {@code testCookie=testValue}, {@code testCookie2=testValue2} and an already expired
 * {@code expiredCookie}; over HTTPS they are {@code SameSite=None; Secure; Partitioned}. The
 * clients must send the first two on every later request of the connection, and never the third.
 */
@Component
public class NegotiateCookiesFilter implements WebFilter, Ordered {

    public static final int ORDER = RedirectFilter.ORDER + 10;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().contains("/negotiate")) {
            boolean https = "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
            ServerHttpResponse response = exchange.getResponse();
            response.addCookie(cookie("testCookie", "testValue", https).build());
            response.addCookie(cookie("testCookie2", "testValue2", https).build());
            response.addCookie(cookie("expiredCookie", "doesntmatter", https).maxAge(Duration.ZERO).build());
        }
        return chain.filter(exchange);
    }

    private static ResponseCookie.ResponseCookieBuilder cookie(String name, String value, boolean https) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name, value).path("/");
        if (https) {
            cookie.sameSite("None").secure(true).partitioned(true);
        }
        return cookie;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
