package io.hubkit.core.observe;

import io.hubkit.core.connection.HubConnection;

/**
 * Watches one hub at runtime; created per hub by a {@link HubObserverFactory}. Hears each
 * connection that completes its handshake (and returns the observer of that connection's traffic)
 * and every backplane call the hub's code makes through {@code HubClients} and {@code GroupManager}.
 *
 * <p>Threading: called concurrently from the runtime's threads (socket event loops, the threads
 * that complete hub methods). Implementations must be thread-safe, fast and non-blocking, and
 * should not throw (an exception is logged and otherwise ignored). Every method defaults to doing
 * nothing.
 */
public interface HubObserver {

    /** An observer that ignores everything. */
    HubObserver NONE = new HubObserver() {
    };

    /**
     * {@code connection} completed its handshake and is about to be registered with the backplane.
     * Its transport and protocol are known. The returned observer hears its traffic and, exactly
     * once, its end.
     */
    default ConnectionObserver connectionOpened(HubConnection connection) {
        return ConnectionObserver.NONE;
    }

    /**
     * A backplane call finished: {@code durationNanos} from subscription to completion, with
     * {@code error} when it failed ({@code null} when it succeeded). Calls that were cancelled are
     * not reported.
     */
    default void backplaneCall(BackplaneOperation operation, long durationNanos, Throwable error) {
    }
}
