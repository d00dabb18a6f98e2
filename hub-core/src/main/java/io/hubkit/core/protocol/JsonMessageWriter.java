package io.hubkit.core.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes hub messages as JSON records, field for field as the official server does: envelope
 * properties in the order {@code type, headers, invocationId, target, arguments, streamIds} (and
 * {@code item}, {@code error} or {@code result}, {@code allowReconnect}, {@code sequenceId} where
 * they belong), writing only what is set — an empty invocation id and empty headers are left out,
 * {@code streamIds} only when not {@code null}, a Completion's {@code error} when non-empty or
 * else its {@code result} when it has one, a Close's {@code allowReconnect} only when true.
 * Payload values go through the payload mapper. Thread-safe.
 */
final class JsonMessageWriter {

    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString HEADERS = new SerializedString("headers");
    private static final SerializableString INVOCATION_ID = new SerializedString("invocationId");
    private static final SerializableString TARGET = new SerializedString("target");
    private static final SerializableString ARGUMENTS = new SerializedString("arguments");
    private static final SerializableString STREAM_IDS = new SerializedString("streamIds");
    private static final SerializableString ITEM = new SerializedString("item");
    private static final SerializableString ERROR = new SerializedString("error");
    private static final SerializableString RESULT = new SerializedString("result");
    private static final SerializableString ALLOW_RECONNECT = new SerializedString("allowReconnect");
    private static final SerializableString SEQUENCE_ID = new SerializedString("sequenceId");

    private final ObjectMapper mapper;
    private final ObjectWriter payloadWriter;

    JsonMessageWriter(ObjectMapper mapper) {
        this.mapper = mapper;
        this.payloadWriter = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    byte[] write(HubMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
            generator.writeStartObject();
            writeFields(generator, message);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + message.getClass().getSimpleName(), e);
        }
        out.write(TextMessageFraming.RECORD_SEPARATOR);
        return out.toByteArray();
    }

    private void writeFields(JsonGenerator g, HubMessage message) throws IOException {
        writeType(g, message);
        if (message instanceof InvocationMessage m) {
            writeHeaders(g, m.headers());
            writeInvocationId(g, m.invocationId());
            writeCall(g, m.target(), m.arguments(), m.streamIds());
        } else if (message instanceof StreamInvocationMessage m) {
            writeHeaders(g, m.headers());
            writeInvocationId(g, m.invocationId());
            writeCall(g, m.target(), m.arguments(), m.streamIds());
        } else if (message instanceof StreamItemMessage m) {
            writeHeaders(g, m.headers());
            writeInvocationId(g, m.invocationId());
            g.writeFieldName(ITEM);
            writePayload(g, m.item());
        } else if (message instanceof CompletionMessage m) {
            writeHeaders(g, m.headers());
            writeInvocationId(g, m.invocationId());
            if (m.error() != null && !m.error().isEmpty()) {
                g.writeFieldName(ERROR);
                g.writeString(m.error());
            } else if (m.hasResult()) {
                g.writeFieldName(RESULT);
                writePayload(g, m.result());
            }
        } else if (message instanceof CancelInvocationMessage m) {
            writeHeaders(g, m.headers());
            writeInvocationId(g, m.invocationId());
        } else if (message instanceof CloseMessage m) {
            if (m.error() != null) {
                g.writeFieldName(ERROR);
                g.writeString(m.error());
            }
            if (m.allowReconnect()) {
                g.writeFieldName(ALLOW_RECONNECT);
                g.writeBoolean(true);
            }
        } else if (message instanceof AckMessage m) {
            g.writeFieldName(SEQUENCE_ID);
            g.writeNumber(m.sequenceId());
        } else if (message instanceof SequenceMessage m) {
            g.writeFieldName(SEQUENCE_ID);
            g.writeNumber(m.sequenceId());
        }
    }

    private static void writeType(JsonGenerator g, HubMessage message) throws IOException {
        if (message instanceof InvocationBindingFailureMessage || message instanceof StreamBindingFailureMessage) {
            throw new IllegalArgumentException(message.getClass().getSimpleName() + " is a parse result and cannot be written");
        }
        g.writeFieldName(TYPE);
        g.writeNumber(message.type());
    }

    private void writeCall(JsonGenerator g, String target, List<Object> arguments, List<String> streamIds)
            throws IOException {
        g.writeFieldName(TARGET);
        g.writeString(target);
        g.writeFieldName(ARGUMENTS);
        g.writeStartArray();
        for (Object argument : arguments) {
            writePayload(g, argument);
        }
        g.writeEndArray();
        if (streamIds != null) {
            g.writeFieldName(STREAM_IDS);
            g.writeStartArray();
            for (String id : streamIds) {
                g.writeString(id);
            }
            g.writeEndArray();
        }
    }

    private static void writeHeaders(JsonGenerator g, Map<String, String> headers) throws IOException {
        if (headers.isEmpty()) {
            return;
        }
        g.writeFieldName(HEADERS);
        g.writeStartObject();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            g.writeFieldName(header.getKey());
            g.writeString(header.getValue());
        }
        g.writeEndObject();
    }

    private static void writeInvocationId(JsonGenerator g, String invocationId) throws IOException {
        if (invocationId != null && !invocationId.isEmpty()) {
            g.writeFieldName(INVOCATION_ID);
            g.writeString(invocationId);
        }
    }

    private void writePayload(JsonGenerator g, Object value) throws IOException {
        if (value instanceof RawResult raw) {
            raw.requireProtocol(JsonHubProtocol.NAME);
            g.writeRawValue(new String(raw.bytes(), StandardCharsets.UTF_8));
        } else {
            payloadWriter.writeValue(g, value);
        }
    }
}
