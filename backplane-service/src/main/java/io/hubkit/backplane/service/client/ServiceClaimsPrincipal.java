package io.hubkit.backplane.service.client;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The user of a client connection that reached this server through the hub service: the claims
 * of the client's access token, as the service forwarded them in {@code OpenConnection}. Its name
 * is the user id the app server put in the token at negotiate ({@code asrs.s.uid}), else the
 * {@code nameid}, {@code unique_name}, {@code name} or {@code sub} claim, so that the default
 * user-id provider (the principal's name) routes user sends the way the service does. Immutable.
 *
 * @param name   the user id, never {@code null} (a connection without one gets no principal)
 * @param claims every claim type with its values, in the order received; reserved names the
 *               service prefixed with {@code asrs.u.} are restored
 */
public record ServiceClaimsPrincipal(String name, Map<String, List<String>> claims) implements Principal {

    /** The claim holding the user id the app server chose at negotiate. */
    public static final String USER_ID_CLAIM = "asrs.s.uid";

    private static final List<String> NAME_CLAIMS = List.of(USER_ID_CLAIM, "nameid", "unique_name", "name", "sub");
    private static final String USER_CLAIM_PREFIX = "asrs.u.";

    public ServiceClaimsPrincipal {
        Objects.requireNonNull(name, "name");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        claims.forEach((type, values) -> copy.put(type, List.copyOf(values)));
        claims = Collections.unmodifiableMap(copy);
    }

    @Override
    public String getName() {
        return name;
    }

    /** The first value of claim {@code type}, or {@code null}. */
    public String claim(String type) {
        List<String> values = claims.get(type);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The principal described by {@code claims} (type, value pairs; types may repeat), or
     * {@code null} when no claim names a user. System claims ({@code asrs.s.*}) are kept too.
     */
    public static ServiceClaimsPrincipal fromClaims(List<Map.Entry<String, String>> claims) {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (Map.Entry<String, String> claim : claims) {
            String type = claim.getKey();
            if (type == null || claim.getValue() == null) {
                continue;
            }
            if (type.startsWith(USER_CLAIM_PREFIX)) {
                type = type.substring(USER_CLAIM_PREFIX.length());
            }
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(claim.getValue());
        }
        for (String nameClaim : NAME_CLAIMS) {
            List<String> values = byType.get(nameClaim);
            if (values != null && !values.isEmpty() && !values.get(0).isEmpty()) {
                return new ServiceClaimsPrincipal(values.get(0), byType);
            }
        }
        return null;
    }
}
