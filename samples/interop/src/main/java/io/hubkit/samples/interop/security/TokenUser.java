package io.hubkit.samples.interop.security;

import java.security.Principal;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/**
 * The principal of a request with a valid bearer token: its name is the NameIdentifier ({@code sub})
 * claim, which is also the hubs' user id. Immutable.
 */
public final class TokenUser implements Principal {

    /** The .NET claim type URI of NameIdentifier, which maps to the JWT {@code sub} claim. */
    public static final String NAME_IDENTIFIER = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier";

    private final String nameIdentifier;
    private final Map<String, Object> claims;

    TokenUser(String nameIdentifier, Map<String, Object> claims) {
        this.nameIdentifier = nameIdentifier;
        this.claims = Map.copyOf(claims);
    }

    @Override
    public String getName() {
        return nameIdentifier;
    }

    public String nameIdentifier() {
        return nameIdentifier;
    }

    /**
     * The value of claim {@code type} as text ({@code sub} also answers to the NameIdentifier URI),
     * or an empty string when the token has no such claim.
     */
    public String claim(String type) {
        String key = NAME_IDENTIFIER.equals(type) ? "sub" : type;
        Object value = claims.get(key);
        if (value == null) {
            return "";
        }
        if (value instanceof Date date) {
            return String.valueOf(date.toInstant().getEpochSecond());
        }
        if (value instanceof Collection<?> values) {
            return values.isEmpty() ? "" : String.valueOf(values.iterator().next());
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return "TokenUser[" + nameIdentifier + "]";
    }
}
