package io.hubkit.spring.security;

import java.security.Principal;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * The Spring Security {@link Authentication} of a connection, from the principal it was opened
 * with: that principal itself when it is an {@code Authentication} (what Spring Security's WebFlux
 * filters put on the exchange), an authenticated token without authorities for any other
 * principal, and an anonymous token ({@code ROLE_ANONYMOUS}) without one. Stateless.
 */
public final class ConnectionAuthentication {

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("hubkit", "anonymousUser",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private ConnectionAuthentication() {
    }

    /** The authentication authorization decisions are made with. */
    public static Authentication of(Principal principal) {
        if (principal instanceof Authentication authentication) {
            return authentication;
        }
        if (principal == null) {
            return ANONYMOUS;
        }
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of());
    }
}
