package io.hubkit.core.connection;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP request that opened a connection, as the transport saw it: the WebSocket upgrade, the
 * event-stream GET, or the first long poll. Header names are matched case-insensitively; maps are
 * immutable.
 *
 * @param transport     {@code WebSockets}, {@code ServerSentEvents} or {@code LongPolling}
 * @param path          the request path
 * @param headers       request headers, names lower-cased
 * @param queryParams   query parameters in request order
 * @param cookies       cookie name to value
 * @param remoteAddress the peer's address, or {@code null} if unknown
 */
public record ConnectionInfo(String transport, String path, Map<String, List<String>> headers,
                             Map<String, List<String>> queryParams, Map<String, String> cookies,
                             InetSocketAddress remoteAddress) {

    public ConnectionInfo {
        headers = headers == null ? Map.of() : headers;
        queryParams = queryParams == null ? Map.of() : queryParams;
        cookies = cookies == null ? Map.of() : cookies;
    }

    /** The first value of header {@code name} (any case), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of query parameter {@code name}, or {@code null}. */
    public String queryParam(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The value of cookie {@code name}, or {@code null}. */
    public String cookie(String name) {
        return cookies.get(name);
    }
}
