package io.hubkit.service.routing;

import java.util.List;

/**
 * One client connection held by this service instance, as the routing core sees it. Implemented by
 * the client endpoint (default mode: tunnelled to an app server) and by serverless mode.
 *
 * <p>Threading: every method may be called from any thread, concurrently, and must not block.
 * Delivery: {@link #send} calls made one after the other by one thread reach the client in that
 * order; a send the connection cannot take (closed, or its bounded outbound queue full) is dropped
 * by the implementation, which then closes the connection as a slow consumer — a send never fails
 * towards the caller.
 */
public interface ClientConnection {

    /** The connection id (what the client's negotiate returned as {@code connectionId}). */
    String id();

    /** The hub key (lower-cased) the connection belongs to. */
    String hub();

    /** The user id ({@code asrs.s.uid}, else {@code nameid} of its token), or {@code null}. */
    String userId();

    /** The claims of the client's access token, in token order. */
    List<Claim> claims();

    /** The hub protocol the client chose in its handshake ({@code json}, {@code messagepack}, …). */
    String protocol();

    /**
     * The id of the server connection this client is routed over (default mode), or {@code null}
     * when the service itself runs the hub protocol (serverless mode).
     */
    String serverConnectionId();

    /** Queues one fully framed hub message (bytes of this client's {@link #protocol()}) for the client. */
    void send(byte[] framedMessage);

    /**
     * Closes the connection from the service side: the client gets a hub close message carrying
     * {@code reason} (or none when {@code null}), then the transport ends; the app server (if any)
     * is told. Idempotent.
     */
    void close(String reason);
}
