package io.hubkit.spring.web;

import io.hubkit.core.connection.ConnectionInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Builds the runtime's {@link ConnectionInfo} from the HTTP request that opened a connection.
 * What it builds lives as long as the connection, so it is kept compact: immutable maps of the
 * least size, no empty collections of its own, and none of the headers that only serve a WebSocket
 * upgrade ({@code Sec-WebSocket-Key}, {@code -Version}, {@code -Extensions}, {@code Upgrade},
 * {@code Connection}). Stateless.
 */
public final class ConnectionInfos {

    private ConnectionInfos() {
    }

    /**
     * The request as the hub sees it: header names lower-cased (values of repeated headers kept in
     * order; for {@code WebSockets}, without the upgrade-only headers), decoded query parameters in
     * request order, the first value of each cookie, the peer's address, and {@code transport}.
     */
    public static ConnectionInfo from(ServerHttpRequest request, String transport) {
        Map<String, List<String>> headers = CompactHeaders.of(request.getHeaders().headerSet(),
                "WebSockets".equals(transport));
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getQueryParams().forEach((name, values) -> query.put(name, List.copyOf(nonNull(values))));
        Map<String, String> cookies = new LinkedHashMap<>();
        if (request.getHeaders().getFirst(HttpHeaders.COOKIE) != null) { // else the server caches no parsed cookies
            request.getCookies().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    cookies.put(name, values.get(0).getValue());
                }
            });
        }
        return new ConnectionInfo(transport, request.getPath().value(), headers, ordered(query),
                Map.copyOf(cookies), request.getRemoteAddress());
    }

    /** {@code map} immutable, in its order, as the smallest map that keeps it. */
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        if (map.isEmpty()) {
            return Map.of();
        }
        if (map.size() == 1) {
            Map.Entry<String, V> only = map.entrySet().iterator().next();
            return Map.of(only.getKey(), only.getValue());
        }
        return Collections.unmodifiableMap(map);
    }

    private static List<String> nonNull(List<String> values) {
        List<String> copy = new ArrayList<>(values.size());
        for (String value : values) {
            copy.add(value == null ? "" : value);
        }
        return copy;
    }
}
