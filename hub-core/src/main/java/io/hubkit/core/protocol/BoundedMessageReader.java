package io.hubkit.core.protocol;

import java.nio.ByteBuffer;

/**
 * Parses with a limit on the size of one message, as the official server does: the protocol only
 * ever sees the first {@code maxMessageSize} bytes of what is buffered, so a message must fit in
 * them; when nothing could be parsed from them although more is buffered, the message is too
 * large. Nothing is allocated according to what a message announces, so a hostile length costs
 * only the bytes actually buffered, which the caller bounds by calling this as data arrives.
 * Stateless and thread-safe.
 */
public final class BoundedMessageReader {

    private BoundedMessageReader() {
    }

    /**
     * Reads the next message of {@code input} as {@link HubProtocol#parseMessage} does, seeing at
     * most {@code maxMessageSize} bytes at a time.
     *
     * @throws HubProtocolException {@code "The maximum message size of 32768B was exceeded. The
     *         message size can be configured in AddHubOptions."} (with the configured size) when
     *         more than {@code maxMessageSize} bytes are buffered and no message ends within them,
     *         or the protocol's own error for invalid data
     */
    public static HubMessage read(HubProtocol protocol, ByteBuffer input, InvocationBinder binder, int maxMessageSize) {
        if (maxMessageSize <= 0) {
            throw new IllegalArgumentException("maxMessageSize must be positive, not " + maxMessageSize);
        }
        while (true) {
            int start = input.position();
            boolean overLength = input.remaining() > maxMessageSize;
            ByteBuffer window = input.duplicate();
            if (overLength) {
                window.limit(start + maxMessageSize);
            }
            HubMessage message;
            try {
                message = protocol.parseMessage(window, binder);
            } finally {
                input.position(window.position());
            }
            if (message != null) {
                return message;
            }
            if (input.position() > start) {
                continue; // skipped records of unknown types: look at what follows them
            }
            if (overLength) {
                throw new HubProtocolException("The maximum message size of " + maxMessageSize
                        + "B was exceeded. The message size can be configured in AddHubOptions.");
            }
            return null;
        }
    }
}
