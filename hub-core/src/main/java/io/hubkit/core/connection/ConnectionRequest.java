package io.hubkit.core.connection;

import java.security.Principal;
import java.util.Objects;

/**
 * What a transport knows about a new connection when it hands it to
 * {@link HubConnectionHandler#handle}: the public connection id (the negotiate response's
 * {@code connectionId}), the authenticated principal (fixed for the connection's life, may be
 * {@code null}) and the opening request.
 */
public record ConnectionRequest(String connectionId, Principal principal, ConnectionInfo info) {

    public ConnectionRequest {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(info, "info");
    }
}
