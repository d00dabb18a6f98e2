package io.hubkit.core.connection;

import java.security.Principal;

/**
 * Resolves the user id of a connection once, right after its handshake; {@code Clients.user(id)}
 * targets every connection with that id. Called on the connection's receive thread; must not
 * block. Returning {@code null} makes the connection anonymous (reachable by no user target).
 */
@FunctionalInterface
public interface UserIdProvider {

    /** The default: the principal's name, or {@code null} without a principal. */
    UserIdProvider PRINCIPAL_NAME = (principal, request) -> principal == null ? null : principal.getName();

    /**
     * @param principal the authenticated principal of the connection, or {@code null}
     * @param request   the request that opened the connection
     * @return the user id, or {@code null}
     */
    String userId(Principal principal, ConnectionInfo request);
}
