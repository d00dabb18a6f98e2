package io.hubkit.spring.service;

import io.hubkit.backplane.service.client.ServiceClaimsPrincipal;
import java.security.Principal;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The Spring Security view of a client that arrived through the service: an authenticated token
 * whose principal is the {@link ServiceClaimsPrincipal} (so its name stays the user id and its
 * claims stay reachable) and whose authorities are the {@code role} claims. Loaded only when Spring
 * Security is on the class path. Stateless.
 */
final class SecurityPrincipals {

    private SecurityPrincipals() {
    }

    static Principal authenticated(ServiceClaimsPrincipal principal) {
        List<SimpleGrantedAuthority> authorities = principal.claims().getOrDefault("role", List.of()).stream()
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }
}
