package io.hubkit.spring.web.connection;

/**
 * The transport-side state a transport attaches to a {@link NegotiatedConnection} when it starts
 * carrying it, for the requests that come later (sends by POST, the next poll, a WebSocket that
 * resumes the connection). Implementations are thread-safe.
 */
public interface ConnectionChannel {

    /**
     * The connection was idle (no request carrying it) for longer than the disconnect timeout and
     * has been removed from the registry: end it as if the client had gone away. Called once, from
     * the registry's expiry thread; must not block.
     */
    void expire();
}
