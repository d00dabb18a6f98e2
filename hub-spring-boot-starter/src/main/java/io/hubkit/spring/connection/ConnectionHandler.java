package io.hubkit.spring.connection;

import reactor.core.publisher.Mono;

/**
 * The application side of a raw connection endpoint: connections that carry the application's own
 * bytes instead of the hub protocol (no handshake, no hub messages), over the same transports and
 * negotiate as hubs. Implement it on a bean annotated {@link ConnectionEndpoint @ConnectionEndpoint}.
 *
 * <p>One instance serves every connection of its endpoint, concurrently; implementations must be
 * thread-safe and must not block (they run on the server's event loops).
 */
@FunctionalInterface
public interface ConnectionHandler {

    /**
     * Runs one connection. The connection lasts until the returned {@code Mono} terminates; then
     * the transport is closed (a failure is logged and closes it the same way). The client going
     * away completes {@link RawConnection#receive()}.
     */
    Mono<Void> onConnected(RawConnection connection);
}
