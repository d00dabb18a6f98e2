package io.hubkit.backplane.service.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** URI helpers shared by the connection string, the endpoint and the token audience rules. Stateless. */
public final class ServiceUris {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ServiceUris() {
    }

    /**
     * Percent-encodes everything but the RFC 3986 unreserved characters ({@code A-Z a-z 0-9 - . _ ~}),
     * as .NET's {@code Uri.EscapeDataString} does: {@code "/user/path"} becomes {@code "%2Fuser%2Fpath"}.
     */
    public static String escapeDataString(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                escaped.append((char) c);
            } else {
                escaped.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return escaped.toString();
    }

    /** An absolute http(s) URI, or {@code null} when {@code text} is not one. */
    static URI parseHttpUri(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null) {
                return null;
            }
            String lower = scheme.toLowerCase(Locale.ROOT);
            if (!lower.equals("http") && !lower.equals("https")) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The port {@code uri} connects to: its own, else 80 or 443 by scheme. */
    static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /**
     * {@code scheme://host[:port][/path]} lower-cased scheme and host, the port only when it is not
     * the scheme's default, without a trailing slash, query or fragment.
     */
    static String normalize(URI uri, int port) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = scheme.equals("https") ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + host(uri) + (port == defaultPort ? "" : ":" + port) + path;
    }

    /** {@code scheme://host/}: the base of every token audience, never with a port. */
    static String audienceBase(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host(uri) + "/";
    }

    private static String host(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }
}
