package io.hubkit.benchmarks.load;

import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * One connection's side of a server's wire protocol: how the connection opens (handshake, CONNECT,
 * namespace), how inbound frames are decoded into deliveries, and how each scenario operation is
 * written. One instance per connection; {@link #onFrame} runs on the connection's event loop, the
 * operations on the scenario's driver thread. Implementations keep only per-connection state.
 */
public interface WireSession {

    /** The WebSocket is open: send the protocol's opening; call {@link LoadConnection#markReady()} once usable. */
    void open(LoadConnection link);

    /** One inbound frame; its buffer is released after this returns. */
    void onFrame(WebSocketFrame frame, LoadConnection link);

    /** Asks the server to send {@code payload} back to this connection. */
    void echo(LoadConnection link, String payload);

    /** Asks the server to send {@code payload} to every connection. */
    void broadcast(LoadConnection link, String payload);

    /**
     * Joins {@code group}. Returns true when the server will confirm it
     * ({@link LoadListener#joined()}), false when it gives no confirmation.
     */
    boolean join(LoadConnection link, String group);

    /** Asks the server to send {@code payload} to every member of {@code group}. */
    void sendToGroup(LoadConnection link, String group, String payload);

    /** Called every few seconds for protocols whose server times out silent clients. */
    default void keepAlive(LoadConnection link) {
    }
}
