package io.hubkit.backplane.service.auth;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The audience rule of the service: a token's {@code aud} matches the resource it is presented to
 * when scheme, host (ignoring case) and path (ignoring case and trailing slashes) agree; port and
 * query are ignored, because the reference SDK signs audiences without the port and with or without
 * the query ({@code ?api-version=…}). The one query member compared is {@code hub}: when both carry
 * one, they must name the same hub (ignoring case), so a client token for one hub does not open
 * another. Stateless.
 */
public final class TokenAudience {

    private TokenAudience() {
    }

    /** Whether the token audience {@code audience} matches {@code expected}. */
    public static boolean matches(String audience, String expected) {
        URI actual = parse(audience);
        URI wanted = parse(expected);
        if (actual == null || wanted == null) {
            return false;
        }
        if (!actual.getScheme().equalsIgnoreCase(wanted.getScheme())
                || !actual.getHost().equalsIgnoreCase(wanted.getHost())
                || !trimSlashes(actual.getPath()).equalsIgnoreCase(trimSlashes(wanted.getPath()))) {
            return false;
        }
        String actualHub = hub(actual);
        String wantedHub = hub(wanted);
        return actualHub == null || wantedHub == null || actualHub.equalsIgnoreCase(wantedHub);
    }

    private static URI parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            return uri.getScheme() == null || uri.getHost() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String trimSlashes(String path) {
        String trimmed = path == null ? "" : path;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static String hub(URI uri) {
        String query = uri.getQuery();
        if (query == null) {
            return null;
        }
        for (String member : query.split("&")) {
            if (member.regionMatches(true, 0, "hub=", 0, 4)) {
                return member.substring(4);
            }
        }
        return null;
    }
}
