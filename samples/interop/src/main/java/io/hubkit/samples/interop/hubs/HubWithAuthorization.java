package io.hubkit.samples.interop.hubs;

import io.hubkit.core.context.HubCallerContext;
import io.hubkit.samples.interop.security.TokenUser;
import io.hubkit.spring.Hub;

/**
 * The contract's {@code HubWithAuthorization} at {@code /authorizedhub}. Every request on its paths
 * needs a valid bearer token ({@link io.hubkit.samples.interop.security.JwtAuthenticationFilter}
 * answers 401 otherwise), so callers always have a {@link TokenUser}.
 */
@Hub(path = "/authorizedhub", name = "HubWithAuthorization")
public class HubWithAuthorization {

    public String echo(String message) {
        return message;
    }

    public String getUserNameIdentifier(HubCallerContext caller) {
        return caller.user() instanceof TokenUser user ? user.nameIdentifier() : "";
    }

    public String getUserClaim(String type, HubCallerContext caller) {
        return caller.user() instanceof TokenUser user ? user.claim(type) : "";
    }
}
