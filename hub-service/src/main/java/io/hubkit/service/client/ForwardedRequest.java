package io.hubkit.service.client;

import io.hubkit.core.connection.ConnectionInfo;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the app server learns of a client's request in {@code OpenConnection}: its headers (without
 * {@code Authorization}; plus {@code X-Forwarded-For} with the client's address when absent and
 * {@code Asrs-Instance-Id} naming this service instance) and its query string (without
 * {@code access_token}, without the leading {@code ?}), as Azure SignalR Service passes them.
 * Stateless.
 */
final class ForwardedRequest {

    private ForwardedRequest() {
    }

    static Map<String, List<String>> headers(ConnectionInfo info, String instanceId) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        info.headers().forEach((name, values) -> {
            if (!"authorization".equalsIgnoreCase(name)) {
                headers.put(name, List.copyOf(values));
            }
        });
        InetSocketAddress remote = info.remoteAddress();
        if (remote != null && remote.getAddress() != null && !headers.containsKey("x-forwarded-for")) {
            headers.put("X-Forwarded-For", List.of(remote.getAddress().getHostAddress()));
        }
        headers.put("Asrs-Instance-Id", List.of(instanceId));
        return headers;
    }

    static String queryString(ConnectionInfo info) {
        StringJoiner query = new StringJoiner("&");
        info.queryParams().forEach((name, values) -> {
            if ("access_token".equals(name)) {
                return;
            }
            for (String value : values) {
                query.add(encode(name) + "=" + encode(value));
            }
        });
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
