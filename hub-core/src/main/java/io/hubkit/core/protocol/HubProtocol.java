package io.hubkit.core.protocol;

import java.nio.ByteBuffer;

/**
 * One encoding of hub messages ({@code json} or {@code messagepack}). Implementations are
 * immutable and thread-safe; one instance serves every connection that chose it.
 *
 * <p>Parsing works on a byte stream: a transport message may hold several records, and a record
 * may arrive over several transport messages. Writing always produces one whole, framed record.
 */
public interface HubProtocol {

    /** The name a client sends in its handshake ({@code "json"}, {@code "messagepack"}). */
    String name();

    /** The highest protocol version this implementation speaks. */
    int version();

    /** Text for JSON, binary for MessagePack; decides the WebSocket frame type and the transports offered. */
    TransferFormat transferFormat();

    /** Whether a handshake asking for {@code version} is accepted (the official servers accept any version up to their own). */
    default boolean isVersionSupported(int version) {
        return version <= version();
    }

    /**
     * Reads one complete record from {@code input} (from its position to its limit). When a whole
     * record is there, advances the position past it and returns the message; when the record is
     * incomplete, leaves the position unchanged and returns {@code null}.
     *
     * <p>Records of a message type this version does not know are consumed and skipped (forward
     * compatibility, as the official implementations do), so when {@code null} is returned the
     * position may have moved past such records — callers should always keep the bytes from the
     * position on, never from where they started. Arguments, items and results that do not bind
     * to the binder's types do not throw: they yield an {@link InvocationBindingFailureMessage},
     * a {@link StreamBindingFailureMessage} or an error {@link CompletionMessage}, and the
     * connection can go on.
     *
     * @throws HubProtocolException for invalid data, with the exact text of the official
     *         implementation; the position is then past the offending record (if it was whole)
     */
    HubMessage parseMessage(ByteBuffer input, InvocationBinder binder);

    /** Encodes {@code message} as one framed record (JSON text plus 0x1E, or VarInt length plus MessagePack). */
    byte[] writeMessage(HubMessage message);
}
