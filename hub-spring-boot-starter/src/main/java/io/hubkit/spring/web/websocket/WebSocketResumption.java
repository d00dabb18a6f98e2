package io.hubkit.spring.web.websocket;

import io.hubkit.core.connection.ResumableTransport;
import io.hubkit.spring.web.connection.ConnectionChannel;

/**
 * The state of a WebSocket connection that negotiated stateful reconnect: the runtime-side
 * {@link ResumableTransport} its sockets are attached to in turn. Expiry (the client did not come
 * back within the disconnect timeout) ends the connection. Thread-safe.
 */
final class WebSocketResumption implements ConnectionChannel {

    private final ResumableTransport transport =
            new ResumableTransport(WebSocketTransport.NAME, true, true);

    ResumableTransport transport() {
        return transport;
    }

    @Override
    public void expire() {
        transport.expire();
    }
}
