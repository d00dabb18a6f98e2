package io.hubkit.service.serverless;

import io.hubkit.core.connection.ConnectionInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client's connect query string as an upstream sees it ({@code X-ASRS-Client-Query}): the
 * parameters of the request that opened the connection, re-encoded, with a leading {@code ?};
 * empty when there are none. The credentials the transport used ({@code access_token}, and the
 * connection token {@code id}) are left out. Stateless.
 */
final class QueryStrings {

    private static final Set<String> LEFT_OUT = Set.of("access_token", "id");

    private QueryStrings() {
    }

    static String of(ConnectionInfo info) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> parameter : info.queryParams().entrySet()) {
            if (LEFT_OUT.contains(parameter.getKey())) {
                continue;
            }
            for (String value : parameter.getValue()) {
                out.append(out.length() == 0 ? '?' : '&').append(encode(parameter.getKey()));
                if (value != null) {
                    out.append('=').append(encode(value));
                }
            }
        }
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
