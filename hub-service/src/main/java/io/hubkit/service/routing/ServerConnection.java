package io.hubkit.service.routing;

import java.util.Map;

/**
 * One app server connection (the server endpoint's WebSocket) as the routing core sees it: the
 * core picks one for each new client of its hub and hands it client-invocation traffic that has
 * to reach the server that started an invocation. Implemented by the server endpoint.
 *
 * <p>Threading: methods may be called from any thread and must not block; what is handed over is
 * queued on the connection in call order.
 */
public interface ServerConnection {

    /** This connection's id (the {@code cid} the server chose, unique per service instance). */
    String id();

    /** The hub key this connection serves. */
    String hub();

    /** The app server's id (the {@code nameid} of its token); one server holds several connections. */
    String serverId();

    /** Whether new clients may be routed over this connection (false for Weak connections and while shutting down). */
    boolean acceptsClients();

    /**
     * Tells this (routing) server that the client invocation {@code invocationId} was started by
     * another server, so it reports the client's completion back through the service.
     */
    void routeInvocation(String invocationId, String connectionId, String callerServerId, Map<String, byte[]> payloads);

    /**
     * Delivers a client's answer to an invocation this server started: {@code payload} (the
     * completion framed in {@code protocol}) on success, or {@code error} when the service or the
     * routing server reports a failure (then {@code payload} and {@code protocol} are {@code null}).
     */
    void completeInvocation(String invocationId, String connectionId, String protocol, byte[] payload, String error);
}
