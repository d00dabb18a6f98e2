package io.hubkit.backplane.service.auth;

import io.hubkit.backplane.service.protocol.ServiceClaim;
import java.time.Instant;
import java.util.List;

/**
 * What a valid access token says.
 *
 * @param claims every claim except the registered ones ({@code aud}, {@code exp}, {@code nbf},
 *        {@code iat}, {@code iss}), in token order, array values as repeated claims, other
 *        non-string values in their JSON text
 * @param audiences the {@code aud} values
 * @param expiresAt when the token expires
 * @param keyIndex which of the validator's keys verified the signature (0 = the first)
 */
public record ValidatedAccessToken(List<ServiceClaim> claims, List<String> audiences, Instant expiresAt, int keyIndex) {

    public ValidatedAccessToken {
        claims = List.copyOf(claims);
        audiences = List.copyOf(audiences);
    }

    /** The first value of claim {@code type}, or {@code null}. */
    public String claim(String type) {
        for (ServiceClaim claim : claims) {
            if (claim.type().equals(type)) {
                return claim.value();
            }
        }
        return null;
    }

    /**
     * The user id: {@code asrs.s.uid} when present, else {@code nameid} (what serverless tokens
     * use), else {@code null}. For a server-connection token this is the server id.
     */
    public String userId() {
        String userId = claim(ServiceClaimTypes.USER_ID);
        return userId != null ? userId : claim(ServiceClaimTypes.NAME_ID);
    }
}
