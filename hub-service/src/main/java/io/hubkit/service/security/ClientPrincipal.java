package io.hubkit.service.security;

import io.hubkit.service.routing.Claim;
import java.security.Principal;
import java.util.List;
import java.util.Objects;

/**
 * A client whose access token was verified for a hub: the principal of its negotiate and transport
 * requests. Its {@linkplain #getName() name} is the user id ({@code null} for a token without one),
 * so the transports' check that a connection is used by whoever negotiated it compares user ids.
 * Immutable.
 *
 * @param hub    the hub key the token is for
 * @param userId {@code asrs.s.uid}, else {@code nameid}, else {@code null}
 * @param claims the token's claims in token order (array claims expanded into one claim per value;
 *               the registered claims {@code aud}, {@code exp}, {@code iat}, {@code nbf} left out)
 */
public record ClientPrincipal(String hub, String userId, List<Claim> claims) implements Principal {

    public ClientPrincipal {
        Objects.requireNonNull(hub, "hub");
        claims = List.copyOf(claims);
    }

    @Override
    public String getName() {
        return userId;
    }

    /** The first value of claim {@code type}, or {@code null}. */
    public String claim(String type) {
        for (Claim claim : claims) {
            if (claim.type().equals(type)) {
                return claim.value();
            }
        }
        return null;
    }
}
