package io.hubkit.backplane.service.server;

import io.hubkit.backplane.service.protocol.ServiceMessage;

/**
 * What a {@link ServerConnection} tells its owner. Called on the connection's I/O thread, one
 * call at a time per connection and in the order the service sent the messages; implementations
 * must not block.
 */
public interface ServerConnectionListener {

    /** The handshake succeeded: the connection can carry messages. */
    void connected(ServerConnection connection);

    /**
     * A message from the service other than the handshake, keep-alive pings, {@code echo},
     * {@code finack} and errors, which the connection handles itself.
     */
    void received(ServerConnection connection, ServiceMessage message);

    /** The connection ended (after {@link #connected}, or without ever connecting); called once. */
    void disconnected(ServerConnection connection, Throwable error);
}
