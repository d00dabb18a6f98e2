package io.hubkit.core.context;

import io.hubkit.core.connection.ConnectionInfo;
import java.security.Principal;
import java.util.Map;

/**
 * The connection on whose behalf hub code runs. Valid for the connection's life; safe to read from
 * any thread. {@link #items()} is a concurrent map the application may use to keep per-connection
 * state.
 */
public interface HubCallerContext {

    /** The public connection id (what other clients use to address this one). */
    String connectionId();

    /** The user id resolved for the connection, or {@code null} for an anonymous one. */
    String userIdentifier();

    /** The authenticated principal, fixed for the connection's life, or {@code null}. */
    Principal user();

    /** Per-connection state owned by the application. */
    Map<Object, Object> items();

    /** The HTTP request that opened the connection (headers, query, cookies, transport). */
    ConnectionInfo connectionInfo();

    /** The name of the hub protocol the client chose ({@code json} or {@code messagepack}). */
    String protocol();

    /** Closes the connection from the server side; the client gets a close without reconnect. */
    void abort();
}
