package io.hubkit.core.connection;

/**
 * A connection's outbound queue overflowed: the client does not read as fast as messages are sent
 * to it. The connection is closed with this error (the slow-consumer policy).
 */
final class SlowConsumerException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    SlowConsumerException(String message) {
        super(message);
    }
}
