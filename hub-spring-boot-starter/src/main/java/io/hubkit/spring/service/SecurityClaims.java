package io.hubkit.spring.service;

import java.security.Principal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.ClaimAccessor;

/**
 * The claims of a Spring Security principal that travel in a service client token: each authority
 * as a {@code role} claim, and the string (or string-list) claims of a token principal such as a
 * JWT or an OIDC user. Loaded only when Spring Security is on the class path. Stateless.
 */
final class SecurityClaims {

    private SecurityClaims() {
    }

    static List<Map.Entry<String, String>> of(Principal principal) {
        List<Map.Entry<String, String>> claims = new ArrayList<>();
        if (!(principal instanceof Authentication authentication)) {
            return claims;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (authority.getAuthority() != null) {
                claims.add(claim("role", authority.getAuthority()));
            }
        }
        if (hasClaimAccessor() && authentication.getPrincipal() instanceof ClaimAccessor token) {
            for (Map.Entry<String, Object> entry : token.getClaims().entrySet()) {
                Object value = entry.getValue();
                if (value instanceof String text) {
                    claims.add(claim(entry.getKey(), text));
                } else if (value instanceof Collection<?> values) {
                    for (Object item : values) {
                        if (item instanceof String text) {
                            claims.add(claim(entry.getKey(), text));
                        }
                    }
                }
            }
        }
        return claims;
    }

    private static boolean hasClaimAccessor() {
        try {
            Class.forName("org.springframework.security.oauth2.core.ClaimAccessor", false,
                    SecurityClaims.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Map.Entry<String, String> claim(String type, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(type, value);
    }
}
