package io.hubkit.core.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.msgpack.jackson.dataformat.ExtensionTypeCustomDeserializers;
import org.msgpack.jackson.dataformat.MessagePackFactory;
import org.msgpack.jackson.dataformat.MessagePackMapper;

/**
 * The {@code messagepack} hub protocol, version 2: each message is a VarInt length prefix
 * ({@link BinaryMessageFraming}) followed by one MessagePack array. Layouts, as the official server
 * writes them (it reads the shorter forms noted too):
 * <pre>
 * Invocation        [1, headers, invocationId|nil, target, [arguments…], [streamIds…]]   (5 items accepted)
 * StreamItem        [2, headers, invocationId, item]
 * Completion        [3, headers, invocationId, 1, error] | [3, headers, invocationId, 2]
 *                   | [3, headers, invocationId, 3, result]
 * StreamInvocation  [4, headers, invocationId, target, [arguments…], [streamIds…]]   (5 items accepted)
 * CancelInvocation  [5, headers, invocationId]
 * Ping              [6]
 * Close             [7, error|nil, allowReconnect]   (2 items accepted)
 * Ack / Sequence    [8, sequenceId] / [9, sequenceId]
 * </pre>
 * {@code headers} is a map of non-empty strings ({@code 0x80} when empty); an Invocation's empty
 * id is read as none; an empty stream-id array is read as none.
 *
 * <p>Payload values go through a Jackson {@link ObjectMapper} over a {@link MessagePackFactory}.
 * The default one ({@link #defaultPayloadMapper()}) maps like the .NET server: {@code byte[]} ↔
 * bin, {@code Instant}/{@code Date}/{@code LocalDateTime} ↔ the timestamp extension (type −1, a
 * JavaScript {@code Date}), {@code OffsetDateTime} ↔ {@code [timestamp, offset minutes]} (a .NET
 * {@code DateTimeOffset}), enums by name, {@code UUID} as a string, objects as maps keyed by
 * property name (Java names; the .NET server uses its own, usually PascalCase, names — set a
 * naming strategy on the mapper to talk to .NET clients), integers in their smallest encoding;
 * property names match case-insensitively on read, unknown ones are ignored, and strings, numbers
 * and booleans are not converted into each other. A timestamp read
 * into an untyped ({@code Object}) parameter arrives as an {@code Instant}.
 *
 * <p>Immutable and thread-safe; one instance serves every connection.
 */
public final class MessagePackHubProtocol implements HubProtocol {

    /** The protocol's handshake name. */
    public static final String NAME = "messagepack";
    /** The highest version spoken (2 adds Ack and Sequence for stateful reconnect). */
    public static final int VERSION = 2;

    private final MessagePackMessageReader reader;
    private final MessagePackMessageWriter writer;

    /** The protocol with the {@linkplain #defaultPayloadMapper() default payload mapper}. */
    public MessagePackHubProtocol() {
        this(defaultPayloadMapper());
    }

    /**
     * The protocol with {@code payloadMapper} for payload values; its factory must be a
     * {@link MessagePackFactory}, and it must not be reconfigured afterwards.
     */
    public MessagePackHubProtocol(ObjectMapper payloadMapper) {
        Objects.requireNonNull(payloadMapper, "payloadMapper");
        if (!(payloadMapper.getFactory() instanceof MessagePackFactory)) {
            throw new IllegalArgumentException("The MessagePack hub protocol needs an ObjectMapper over a MessagePackFactory");
        }
        this.reader = new MessagePackMessageReader(new MessagePackPayloadBinder(payloadMapper));
        this.writer = new MessagePackMessageWriter(payloadMapper);
    }

    /** A new mapper with the default payload mapping described above, free to be customised. */
    public static ObjectMapper defaultPayloadMapper() {
        ExtensionTypeCustomDeserializers extensions = new ExtensionTypeCustomDeserializers();
        extensions.addCustomDeser(MessagePackTimestamps.EXT_TYPE, MessagePackTimestamps::decode);
        MessagePackFactory factory = new MessagePackFactory();
        factory.setExtTypeCustomDesers(extensions);
        return PayloadMappers.configure(MessagePackMapper.builder(factory))
                .addModule(new MessagePackTimeModule())
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public TransferFormat transferFormat() {
        return TransferFormat.BINARY;
    }

    @Override
    public HubMessage parseMessage(ByteBuffer input, InvocationBinder binder) {
        ByteBuffer frame;
        while ((frame = BinaryMessageFraming.nextFrame(input)) != null) {
            HubMessage message = reader.read(frame, binder);
            if (message != null) {
                return message;
            }
        }
        return null;
    }

    @Override
    public byte[] writeMessage(HubMessage message) {
        return writer.write(message);
    }

    @Override
    public String toString() {
        return "MessagePackHubProtocol";
    }
}
