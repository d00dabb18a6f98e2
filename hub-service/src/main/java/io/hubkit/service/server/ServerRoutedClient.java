package io.hubkit.service.server;

import io.hubkit.service.routing.ClientConnection;

/**
 * A client connection tunnelled to an app server over a server connection: what the server
 * endpoint needs beyond routing to carry the server's traffic for it. Implemented by the client
 * endpoint. Thread-safe; methods never block.
 */
public interface ServerRoutedClient extends ClientConnection {

    /**
     * Bytes the app server sent for this client ({@code ConnectionData}). Pieces marked
     * {@code partial} are buffered (bounded) until the final piece, then the whole goes out as one
     * transport message.
     */
    void deliverFromServer(byte[] payload, boolean partial);

    /** The app server closed this client ({@code CloseConnection}): what it queued is sent, then the transport ends. */
    void closeFromServer(String error);

    /**
     * The server connection carrying this client went away: the client gets a close message that
     * allows it to reconnect (where its protocol can say so), then the transport ends.
     */
    void serverLost(String reason);
}
