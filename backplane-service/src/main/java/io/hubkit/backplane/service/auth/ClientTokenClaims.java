package io.hubkit.backplane.service.auth;

import io.hubkit.backplane.service.protocol.ServiceClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The claims of a client access token, as the reference SDK builds them from the user: the user id
 * as {@code asrs.s.uid} first, then the user's claims, those whose type the token reserves for
 * itself renamed with the {@code asrs.u.} prefix (and every {@code sub} after the first), so the
 * service passes them to the app server unharmed; {@link #restore} undoes this on the app side.
 * Stateless.
 */
public final class ClientTokenClaims {

    /** User claim types that would clash with the token's own claims. */
    static final Set<String> RESERVED = Set.of("aud", "exp", "iat", "nbf", "iss", "actort", "acr", "azp", "c_hash",
            "jti", "nonce");

    private static final Set<String> REGISTERED = Set.of("aud", "exp", "iat", "nbf", "iss");

    private ClientTokenClaims() {
    }

    /**
     * @param userId the user id for user routing, or {@code null}
     * @param userClaims the user's claims in order (may be empty)
     */
    public static List<ServiceClaim> of(String userId, List<ServiceClaim> userClaims) {
        List<ServiceClaim> claims = new ArrayList<>(userClaims.size() + 1);
        if (userId != null) {
            claims.add(new ServiceClaim(ServiceClaimTypes.USER_ID, userId));
        }
        boolean subjectSeen = false;
        for (ServiceClaim claim : userClaims) {
            String type = claim.type();
            if (RESERVED.contains(type)) {
                type = ServiceClaimTypes.USER_PREFIX + type;
            } else if (type.equals("sub")) {
                type = subjectSeen ? ServiceClaimTypes.USER_PREFIX + type : type;
                subjectSeen = true;
            }
            claims.add(new ServiceClaim(type, claim.value()));
        }
        return claims;
    }

    /**
     * The user's own claims from the claims of a client token (as carried by {@code OpenConnection}):
     * system claims ({@code asrs.s.*}) and the token's registered claims dropped, {@code asrs.u.}
     * names restored.
     */
    public static List<ServiceClaim> restore(List<ServiceClaim> tokenClaims) {
        List<ServiceClaim> claims = new ArrayList<>(tokenClaims.size());
        for (ServiceClaim claim : tokenClaims) {
            String type = claim.type();
            if (type.startsWith(ServiceClaimTypes.SYSTEM_PREFIX) || REGISTERED.contains(type)) {
                continue;
            }
            if (type.startsWith(ServiceClaimTypes.USER_PREFIX)) {
                type = type.substring(ServiceClaimTypes.USER_PREFIX.length());
            }
            claims.add(new ServiceClaim(type, claim.value()));
        }
        return claims;
    }
}
