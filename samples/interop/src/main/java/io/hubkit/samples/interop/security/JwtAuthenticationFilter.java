package io.hubkit.samples.interop.security;

import io.hubkit.spring.web.AccessTokenQueryParameterFilter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Bearer-token authentication for the test server, in one small filter instead of Spring Security:
 * the test contract needs exactly one rule, so a full security configuration would only hide it.
 * <ul>
 *   <li>{@code Authorization: Bearer <jwt>} with a valid {@link TestTokens} token makes a
 *       {@link TokenUser} the request's principal (the hubs take it from there). The
 *       {@code access_token} query parameter works too: the starter's
 *       {@link AccessTokenQueryParameterFilter} runs first and turns it into that header.</li>
 *   <li>Every request under {@code /authorizedhub} (negotiate, transports, sends) without a valid
 *       token gets 401 with an empty body, which the official client reports as
 *       {@code Unauthorized: Status code '401'}.</li>
 *   <li>Elsewhere a missing or invalid token leaves the request anonymous.</li>
 * </ul>
 * Stateless and thread-safe.
 */
@Component
public class JwtAuthenticationFilter implements WebFilter, Ordered {

    /** After the starter's access-token filter ({@value AccessTokenQueryParameterFilter#ORDER}). */
    public static final int ORDER = AccessTokenQueryParameterFilter.ORDER + 50;

    private static final String PROTECTED_PATH = "/authorizedhub";
    private static final String BEARER = "bearer ";

    private final TestTokens tokens;

    public JwtAuthenticationFilter(TestTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<TokenUser> user = bearerToken(exchange).flatMap(tokens::verify);
        if (user.isPresent()) {
            TokenUser principal = user.get();
            return chain.filter(exchange.mutate().principal(Mono.just(principal)).build());
        }
        if (isProtected(exchange)) {
            exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
            exchange.getResponse().getHeaders().setContentLength(0);
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static Optional<String> bearerToken(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static boolean isProtected(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value().toLowerCase(Locale.ROOT);
        return path.equals(PROTECTED_PATH) || path.startsWith(PROTECTED_PATH + "/");
    }
}
