package io.hubkit.service.security;

import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Finds the bearer token of a request: the {@code Authorization: Bearer …} header, else the
 * {@code access_token} query parameter (browsers cannot set headers on WebSocket and EventSource
 * requests, so the official clients put the token there). Stateless.
 */
public final class RequestTokens {

    /** Longest token accepted (Azure's limit). */
    public static final int MAX_TOKEN_LENGTH = 4096;

    private RequestTokens() {
    }

    /** The request's token, or {@code null} when it carries none. */
    public static String find(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        String query = request.getQueryParams().getFirst("access_token");
        return query == null || query.isBlank() ? null : query.trim();
    }

    /** The scheme and host of the request as the client addressed it, e.g. {@code http://localhost/} (no port). */
    public static String audienceBase(ServerHttpRequest request) {
        String scheme = request.getURI().getScheme();
        String host = request.getURI().getHost();
        return (scheme == null ? "http" : scheme.toLowerCase(Locale.ROOT)) + "://"
                + (host == null ? "localhost" : host.toLowerCase(Locale.ROOT)) + "/";
    }
}
