package io.hubkit.core.observe;

import io.hubkit.core.protocol.HubMessage;

/**
 * Hears the traffic and the end of one connection; returned by {@link HubObserver#connectionOpened}.
 *
 * <p>Threading: called on the runtime's threads (often a socket's event loop), from one thread at
 * a time for the receive side and for the send side each, but the two sides may run concurrently.
 * Implementations must be fast, must not block and should not throw (an exception is logged and
 * otherwise ignored). Every method defaults to doing nothing.
 */
public interface ConnectionObserver {

    /** An observer that ignores everything. */
    ConnectionObserver NONE = new ConnectionObserver() {
    };

    /**
     * The client sent one hub message (pings and Close included) of {@code bytes} bytes on the
     * wire, framing included.
     */
    default void messageReceived(HubMessage message, int bytes) {
    }

    /**
     * One write to the transport succeeded: {@code messages} whole hub messages in {@code bytes}
     * bytes (several messages leave together when the socket was busy).
     */
    default void messagesSent(int messages, int bytes) {
    }

    /**
     * The connection ended; called once, after which no other method is called. {@code error} is
     * what ended it, or {@code null} for a normal close.
     */
    default void closed(CloseReason reason, Throwable error) {
    }
}
