package io.hubkit.spring.security;

import java.security.Principal;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Token;

/**
 * When a connection's authentication stops being valid: the expiry of the OAuth2 token (a JWT or
 * an opaque access token) it was authenticated with, found as the authentication's credentials or
 * principal. Other authentications do not expire. Stateless.
 */
final class AuthenticationExpirations {

    private AuthenticationExpirations() {
    }

    /** The instant {@code principal} expires, or {@code null} when it does not. */
    static Instant expiresAt(Principal principal) {
        if (!(principal instanceof Authentication authentication)) {
            return null;
        }
        if (authentication.getCredentials() instanceof OAuth2Token token && token.getExpiresAt() != null) {
            return token.getExpiresAt();
        }
        if (authentication.getPrincipal() instanceof OAuth2Token token) {
            return token.getExpiresAt();
        }
        return null;
    }
}
