package io.hubkit.test;

import io.hubkit.core.protocol.CloseMessage;

/**
 * The Close message the server sent before closing the connection: whether the client may
 * reconnect (a server shutting down gracefully allows it), and the error, if any. Immutable.
 */
public final class ReceivedClose {

    private final CloseMessage close;
    private final Inbox inbox;

    ReceivedClose(CloseMessage close, Inbox inbox) {
        this.close = close;
        this.inbox = inbox;
    }

    /** Checks the server allowed reconnecting. */
    public ReceivedClose allowsReconnect() {
        if (!close.allowReconnect()) {
            throw inbox.failure("Expected a Close that allows reconnecting but got " + close);
        }
        return this;
    }

    /** Checks the server did not allow reconnecting. */
    public ReceivedClose doesNotAllowReconnect() {
        if (close.allowReconnect()) {
            throw inbox.failure("Expected a Close that does not allow reconnecting but got " + close);
        }
        return this;
    }

    /** Checks the Close carries no error. */
    public ReceivedClose hasNoError() {
        if (close.error() != null) {
            throw inbox.failure("Expected a Close without error but got " + close);
        }
        return this;
    }

    /** Checks the Close carries exactly the error {@code expected}. */
    public ReceivedClose hasError(String expected) {
        if (!expected.equals(close.error())) {
            throw inbox.failure("Expected a Close with the error <" + expected + "> but got " + close);
        }
        return this;
    }

    /** The error text, or {@code null}. */
    public String error() {
        return close.error();
    }
}
