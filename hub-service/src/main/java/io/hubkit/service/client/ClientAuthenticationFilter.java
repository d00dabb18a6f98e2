package io.hubkit.service.client;

import io.hubkit.service.config.ServiceMode;
import io.hubkit.service.config.ServiceProperties;
import io.hubkit.service.routing.HubKeys;
import io.hubkit.service.routing.ServiceRouter;
import io.hubkit.service.security.ClientPrincipal;
import io.hubkit.service.security.RequestTokens;
import io.hubkit.service.security.ServiceTokens;
import io.hubkit.service.security.TokenRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards {@code /client} and {@code /client/negotiate} (any case, trailing slashes ignored): the
 * request needs a valid {@code hub} (400 otherwise) and a client token for it (header or
 * {@code access_token}; HS256 with a configured key, audience {@code …/client/?hub=<hub>},
 * within its lifetime), else 401 with the reason as text. A verified request continues with a
 * {@link ClientPrincipal} as its principal. In default mode, negotiate for a hub without an app
 * server that accepts clients answers 503 with a text saying so. CORS preflights pass unchecked.
 * Stateless and thread-safe.
 */
public final class ClientAuthenticationFilter implements WebFilter, Ordered {

    /** Runs early, before the starter's own filters. */
    public static final int ORDER = -300;

    private final ServiceTokens tokens;
    private final ServiceRouter router;
    private final ServiceProperties properties;

    public ClientAuthenticationFilter(ServiceTokens tokens, ServiceRouter router, ServiceProperties properties) {
        this.tokens = tokens;
        this.router = router;
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = normalize(request.getPath().pathWithinApplication().value());
        boolean negotiate = (ClientEndpoint.PATH + "/negotiate").equals(path);
        if (!negotiate && !ClientEndpoint.PATH.equals(path) || HttpMethod.OPTIONS.equals(request.getMethod())) {
            return chain.filter(exchange);
        }
        String hub = request.getQueryParams().getFirst("hub");
        if (!HubKeys.isValid(hub)) {
            return text(exchange, HttpStatus.BAD_REQUEST, "A valid 'hub' query parameter is required.");
        }
        String hubKey = HubKeys.key(hub);
        ClientPrincipal principal;
        try {
            principal = tokens.verifyClient(RequestTokens.find(request), hubKey, RequestTokens.audienceBase(request));
        } catch (TokenRejectedException e) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return text(exchange, HttpStatus.UNAUTHORIZED, e.getMessage());
        }
        if (negotiate && properties.getMode() == ServiceMode.DEFAULT && !hasServer(principal)) {
            return text(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    "No app server is connected to hub '" + hubKey + "'. Try again later.");
        }
        return chain.filter(exchange.mutate().principal(Mono.just(principal)).build());
    }

    private boolean hasServer(ClientPrincipal principal) {
        boolean required = "Required".equalsIgnoreCase(principal.claim("asrs.s.ssticky"));
        return router.pickServer(principal.hub(), principal.claim("asrs.s.sn"), required) != null;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static String normalize(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static Mono<Void> text(ServerWebExchange exchange, HttpStatus status, String body) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
