package io.hubkit.core.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Writes hub messages as MessagePack frames, element for element as the official server does
 * (see {@link MessagePackHubProtocol} for the layouts): the envelope with msgpack-core, payload
 * values with the payload mapper into the same buffer, and the VarInt length prefix in front
 * without copying the body twice. A string payload is packed directly (the bytes the mapper would
 * write) when the mapper binds strings the standard way ({@link StandardStringBinding}).
 * Thread-safe.
 */
final class MessagePackMessageWriter {

    private static final MessagePack.PackerConfig PACKER_CONFIG = new MessagePack.PackerConfig().withBufferSize(512);
    private static final byte[] PING = {0x02, (byte) 0x91, 0x06};

    private final ObjectWriter payloadWriter;
    private final boolean directStrings;

    MessagePackMessageWriter(ObjectMapper mapper) {
        this.payloadWriter = mapper.writer();
        this.directStrings = StandardStringBinding.of(mapper);
    }

    byte[] write(HubMessage message) {
        if (message instanceof PingMessage) {
            return PING.clone();
        }
        FrameOutput out = new FrameOutput();
        try (MessagePacker packer = PACKER_CONFIG.newPacker(out)) {
            writeBody(packer, out, message);
            packer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + message.getClass().getSimpleName(), e);
        }
        return out.framed();
    }

    private void writeBody(MessagePacker packer, FrameOutput out, HubMessage message) throws IOException {
        if (message instanceof InvocationMessage m) {
            packer.packArrayHeader(6).packInt(HubMessageType.INVOCATION);
            writeHeaders(packer, m.headers());
            writeOptionalId(packer, m.invocationId());
            writeCall(packer, out, m.target(), m.arguments(), m.streamIds());
        } else if (message instanceof StreamInvocationMessage m) {
            packer.packArrayHeader(6).packInt(HubMessageType.STREAM_INVOCATION);
            writeHeaders(packer, m.headers());
            writeOptionalId(packer, m.invocationId());
            writeCall(packer, out, m.target(), m.arguments(), m.streamIds());
        } else if (message instanceof StreamItemMessage m) {
            packer.packArrayHeader(4).packInt(HubMessageType.STREAM_ITEM);
            writeHeaders(packer, m.headers());
            writeString(packer, m.invocationId());
            writePayload(packer, out, m.item());
        } else if (message instanceof CompletionMessage m) {
            writeCompletion(packer, out, m);
        } else if (message instanceof CancelInvocationMessage m) {
            packer.packArrayHeader(3).packInt(HubMessageType.CANCEL_INVOCATION);
            writeHeaders(packer, m.headers());
            writeString(packer, m.invocationId());
        } else if (message instanceof CloseMessage m) {
            packer.packArrayHeader(3).packInt(HubMessageType.CLOSE);
            writeOptionalId(packer, m.error());
            packer.packBoolean(m.allowReconnect());
        } else if (message instanceof AckMessage m) {
            packer.packArrayHeader(2).packInt(HubMessageType.ACK).packLong(m.sequenceId());
        } else if (message instanceof SequenceMessage m) {
            packer.packArrayHeader(2).packInt(HubMessageType.SEQUENCE).packLong(m.sequenceId());
        } else {
            throw new IllegalArgumentException(message.getClass().getSimpleName() + " is a parse result and cannot be written");
        }
    }

    private void writeCompletion(MessagePacker packer, FrameOutput out, CompletionMessage m) throws IOException {
        boolean error = m.error() != null;
        boolean value = !error && m.hasResult();
        packer.packArrayHeader(error || value ? 5 : 4).packInt(HubMessageType.COMPLETION);
        writeHeaders(packer, m.headers());
        writeString(packer, m.invocationId());
        if (error) {
            packer.packInt(1).packString(m.error());
        } else if (value) {
            packer.packInt(3);
            writePayload(packer, out, m.result());
        } else {
            packer.packInt(2);
        }
    }

    private void writeCall(MessagePacker packer, FrameOutput out, String target, List<Object> arguments,
                           List<String> streamIds) throws IOException {
        writeString(packer, target);
        packer.packArrayHeader(arguments.size());
        for (Object argument : arguments) {
            writePayload(packer, out, argument);
        }
        List<String> ids = streamIds == null ? List.of() : streamIds;
        packer.packArrayHeader(ids.size());
        for (String id : ids) {
            writeString(packer, id);
        }
    }

    private static void writeHeaders(MessagePacker packer, Map<String, String> headers) throws IOException {
        packer.packMapHeader(headers.size());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            writeString(packer, header.getKey());
            writeString(packer, header.getValue());
        }
    }

    /** A string, or nil when it is {@code null} or empty (invocation ids, close errors). */
    private static void writeOptionalId(MessagePacker packer, String value) throws IOException {
        if (value == null || value.isEmpty()) {
            packer.packNil();
        } else {
            packer.packString(value);
        }
    }

    private static void writeString(MessagePacker packer, String value) throws IOException {
        if (value == null) {
            packer.packNil();
        } else {
            packer.packString(value);
        }
    }

    private void writePayload(MessagePacker packer, FrameOutput out, Object value) throws IOException {
        if (value instanceof RawResult raw) {
            raw.requireProtocol(MessagePackHubProtocol.NAME);
            packer.writePayload(raw.bytes());
            return;
        }
        if (value instanceof String text && directStrings) {
            packer.packString(text);
            return;
        }
        packer.flush();
        payloadWriter.writeValue(out, value);
    }

    /**
     * The frame being written: room for the longest length prefix, then the body; the prefix is
     * filled in at the end, right before the body, and the frame copied out once.
     */
    private static final class FrameOutput extends ByteArrayOutputStream {

        FrameOutput() {
            super(128);
            count = BinaryMessageFraming.MAX_PREFIX_SIZE;
        }

        @Override
        public void close() {
            // the payload mapper closes its target; the frame stays open until framed() is called
        }

        byte[] framed() {
            int bodyStart = BinaryMessageFraming.MAX_PREFIX_SIZE;
            int bodyLength = count - bodyStart;
            int prefixStart = bodyStart - BinaryMessageFraming.prefixSize(bodyLength);
            BinaryMessageFraming.writePrefix(bodyLength, buf, prefixStart);
            return Arrays.copyOfRange(buf, prefixStart, count);
        }
    }
}
