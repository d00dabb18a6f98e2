package io.hubkit.spring.web;

import io.hubkit.core.connection.ConnectionInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** Builds the runtime's {@link ConnectionInfo} from the HTTP request that opened a connection. Stateless. */
public final class ConnectionInfos {

    private ConnectionInfos() {
    }

    /**
     * The request as the hub sees it: header names lower-cased (values of repeated headers kept in
     * order), decoded query parameters in request order, the first value of each cookie, the peer's
     * address, and {@code transport}.
     */
    public static ConnectionInfo from(ServerHttpRequest request, String transport) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).addAll(values));
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getQueryParams().forEach((name, values) -> query.put(name, List.copyOf(nonNull(values))));
        Map<String, String> cookies = new LinkedHashMap<>();
        request.getCookies().forEach((name, values) -> {
            if (!values.isEmpty()) {
                cookies.put(name, values.get(0).getValue());
            }
        });
        return new ConnectionInfo(transport, request.getPath().value(), freeze(headers),
                Collections.unmodifiableMap(query), Collections.unmodifiableMap(cookies), request.getRemoteAddress());
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> map) {
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        map.forEach((key, values) -> frozen.put(key, List.copyOf(values)));
        return Collections.unmodifiableMap(frozen);
    }

    private static List<String> nonNull(List<String> values) {
        List<String> copy = new ArrayList<>(values.size());
        for (String value : values) {
            copy.add(value == null ? "" : value);
        }
        return copy;
    }
}
