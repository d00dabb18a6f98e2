package io.hubkit.core.connection;

import io.hubkit.core.protocol.HubInvocationMessage;
import io.hubkit.core.protocol.InvocationBinder;
import reactor.core.publisher.Mono;

/**
 * The hub side of one connection: what the connection's receive loop hands parsed messages to.
 * Created once per connection, after a successful handshake, by a {@link ConnectionDispatcherFactory}.
 *
 * <p>Threading: the receive loop calls {@link #binder()}'s methods, {@link #onConnected()} and
 * {@link #dispatch} one at a time, never concurrently, and never calls {@code dispatch} before the
 * Mono returned by the previous call (or by {@code onConnected}) has completed. {@link #connectionClosed()}
 * and {@link #onDisconnected} are called once each, in that order, when the connection ends, possibly
 * from another thread and while a dispatch Mono is still pending.
 */
public interface ConnectionDispatcher {

    /** The binder the protocol parses this connection's messages with. */
    InvocationBinder binder();

    /** Runs the hub's connected callback; an error closes the connection without reconnect. */
    Mono<Void> onConnected();

    /**
     * Handles one message (Invocation, StreamInvocation, StreamItem, Completion, CancelInvocation,
     * or a binding failure). The returned Mono completes when the receive loop may parse the next
     * message: at once normally (return {@code Mono.empty()}, which the loop recognises without
     * subscribing), later when a limit is reached (parallel invocations, a full upload
     * stream buffer), which back-pressures the client. It must not fail for errors that concern one
     * invocation; those are answered on the wire. An error ends the connection.
     */
    Mono<Void> dispatch(HubInvocationMessage message);

    /**
     * The server shuts down gracefully: start no new invocations from now on (messages that would
     * start one are dropped) and complete once every invocation already started has been answered
     * (its Completion queued). Server streams are not waited for. Called at most once, from any
     * thread; the default has nothing to wait for.
     */
    default Mono<Void> drain() {
        return Mono.empty();
    }

    /** The connection has ended: cancel running server streams and end upload streams. Must not block. */
    void connectionClosed();

    /** Runs the hub's disconnected callback with the error that ended the connection, or {@code null}. */
    Mono<Void> onDisconnected(Throwable error);
}
