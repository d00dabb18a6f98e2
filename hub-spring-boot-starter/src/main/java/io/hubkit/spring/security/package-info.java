/**
 * Spring Security for hubs, active when Spring Security is on the class path: {@code @PreAuthorize}
 * and {@code @Secured} on a hub class or hub method are checked on every invocation with the
 * connection's principal ({@link io.hubkit.spring.security.HubAuthorizationFilter}), and, with
 * {@code hubkit.close-on-authentication-expiration=true}, a connection is closed when the token it
 * authenticated with expires ({@link io.hubkit.spring.security.AuthenticationExpirationFilter}).
 * Authentication itself (who may negotiate and open a transport, bearer tokens) stays with the
 * application's {@code SecurityWebFilterChain}.
 */
package io.hubkit.spring.security;
