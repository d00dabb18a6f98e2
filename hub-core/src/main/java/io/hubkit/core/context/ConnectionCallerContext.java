package io.hubkit.core.context;

import io.hubkit.core.connection.ConnectionInfo;
import io.hubkit.core.connection.HubConnection;
import java.security.Principal;
import java.util.Map;
import java.util.Objects;

/** The {@link HubCallerContext} of one {@link HubConnection}: a read-through view. Thread-safe. */
public final class ConnectionCallerContext implements HubCallerContext {

    private final HubConnection connection;

    public ConnectionCallerContext(HubConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public String connectionId() {
        return connection.connectionId();
    }

    @Override
    public String userIdentifier() {
        return connection.userIdentifier();
    }

    @Override
    public Principal user() {
        return connection.principal();
    }

    @Override
    public Map<Object, Object> items() {
        return connection.items();
    }

    @Override
    public ConnectionInfo connectionInfo() {
        return connection.info();
    }

    @Override
    public String protocol() {
        return connection.protocol().name();
    }

    @Override
    public void abort() {
        connection.abort();
    }

    @Override
    public String toString() {
        return "HubCallerContext[" + connection.connectionId() + "]";
    }
}
