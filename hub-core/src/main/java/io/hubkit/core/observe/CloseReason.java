package io.hubkit.core.observe;

import java.util.Locale;

/** Why a connection that completed its handshake ended; what a {@link ConnectionObserver} is told. */
public enum CloseReason {

    /** The client sent a Close message (e.g. it stopped its connection). */
    CLIENT_CLOSED,
    /** The transport ended without a Close message: the socket closed, the client went away. */
    CLIENT_DISCONNECTED,
    /** The client sent nothing, not even a ping, within the client timeout. */
    CLIENT_TIMEOUT,
    /** The client sent data that is not valid for its protocol, or a message over the size limit. */
    PROTOCOL_ERROR,
    /** The client did not read fast enough: its outbound queue overflowed (the slow-consumer policy). */
    SLOW_CONSUMER,
    /** Reading from or writing to the transport failed. */
    TRANSPORT_ERROR,
    /** The server shut down (the client was told it may reconnect). */
    SERVER_SHUTDOWN,
    /** The hub or the application closed the connection. */
    ABORTED,
    /** Something failed on the server (the connected callback, the dispatch of a message). */
    SERVER_ERROR;

    /** The reason as a lower-case tag value, e.g. {@code slow_consumer}. */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
