package io.hubkit.backplane.service.client;

import io.hubkit.backplane.service.protocol.OpenConnectionMessage;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import io.hubkit.core.connection.ConnectionInfo;
import io.hubkit.core.connection.ConnectionRequest;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Rebuilds, from an {@code OpenConnection}, the request a client would have made to this server
 * directly: the connection id, a {@link ServiceClaimsPrincipal} from the token claims (none when
 * no claim names a user), the headers (names lower-cased), the query, the cookies, the remote
 * address from {@code X-Forwarded-For}, and the path from {@code asrs.op} (the hub's path the
 * client negotiated with). Stateless and thread-safe.
 */
public final class ConnectionRequests {

    /** The query parameter carrying the original request path. */
    public static final String PATH_PARAMETER = "asrs.op";

    private ConnectionRequests() {
    }

    /** The request of the connection {@code open} announces; {@code defaultPath} when it carries no {@code asrs.op}. */
    public static ConnectionRequest from(OpenConnectionMessage open, String defaultPath) {
        return from(open, defaultPath, principal -> principal);
    }

    /** As {@link #from(OpenConnectionMessage, String)}, the principal (when there is one) mapped by {@code principals}. */
    public static ConnectionRequest from(OpenConnectionMessage open, String defaultPath,
                                         Function<ServiceClaimsPrincipal, Principal> principals) {
        List<Map.Entry<String, String>> claims = new ArrayList<>(open.claims().size());
        for (ServiceClaim claim : open.claims()) {
            claims.add(new AbstractMap.SimpleImmutableEntry<>(claim.type(), claim.value()));
        }
        ServiceClaimsPrincipal principal = ServiceClaimsPrincipal.fromClaims(claims);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        open.headers().forEach((name, values) -> headers.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> {
                    List<String> all = new ArrayList<>(a);
                    all.addAll(b);
                    return List.copyOf(all);
                }));
        Map<String, List<String>> query = parseQuery(open.queryString());
        String path = first(query, PATH_PARAMETER);
        ConnectionInfo info = new ConnectionInfo(ServiceClientConnection.TRANSPORT_NAME,
                path == null || path.isEmpty() ? defaultPath : path,
                Collections.unmodifiableMap(headers), query, cookies(headers.get("cookie")),
                remoteAddress(headers.get("x-forwarded-for")));
        return new ConnectionRequest(open.connectionId(), principal == null ? null : principals.apply(principal), info);
    }

    /** The parameters of {@code queryString} (with or without a leading {@code ?}), in order, decoded. */
    public static Map<String, List<String>> parseQuery(String queryString) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return Map.of();
        }
        String text = queryString.startsWith("?") ? queryString.substring(1) : queryString;
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        query.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(query);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    private static Map<String, String> cookies(List<String> headers) {
        if (headers == null) {
            return Map.of();
        }
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : headers) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    cookies.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
        }
        return Collections.unmodifiableMap(cookies);
    }

    private static InetSocketAddress remoteAddress(List<String> forwardedFor) {
        if (forwardedFor == null || forwardedFor.isEmpty()) {
            return null;
        }
        String first = forwardedFor.get(0).split(",")[0].trim();
        if (first.isEmpty()) {
            return null;
        }
        try {
            return InetSocketAddress.createUnresolved(first, 0);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
