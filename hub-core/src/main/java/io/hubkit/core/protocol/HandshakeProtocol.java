package io.hubkit.core.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The handshake that opens every hub connection: one JSON record ({@link TextMessageFraming}) each
 * way, whatever hub protocol follows — also for MessagePack. Parsing streams over the record, skips
 * unknown properties, lets the last duplicate win and ignores anything after the first object;
 * errors carry the official implementation's texts. Stateless and thread-safe.
 */
public final class HandshakeProtocol {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final byte[] SUCCESS = {'{', '}', TextMessageFraming.RECORD_SEPARATOR};

    private HandshakeProtocol() {
    }

    /**
     * Reads the client's request from {@code input}. Returns {@code null} and leaves the position
     * unchanged while the record is incomplete; otherwise advances past it.
     *
     * @throws HubProtocolException when the record is not a valid request
     */
    public static HandshakeRequestMessage parseRequest(ByteBuffer input) {
        ByteBuffer record = TextMessageFraming.nextRecord(input);
        if (record == null) {
            return null;
        }
        String protocol = null;
        Integer version = null;
        try (JsonParser parser = JSON.createParser(bytes(record))) {
            JsonFields.requireObjectStart(parser.nextToken());
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                switch (parser.currentName()) {
                    case "protocol" -> protocol = JsonFields.readString(parser, "protocol");
                    case "version" -> version = JsonFields.readInt(parser, "version");
                    default -> skipValue(parser);
                }
            }
        } catch (IOException e) {
            throw new HubProtocolException(JsonFields.ERROR_READING_JSON, e);
        }
        if (protocol == null) {
            throw missing("protocol", record);
        }
        if (version == null) {
            throw missing("version", record);
        }
        return new HandshakeRequestMessage(protocol, version);
    }

    /**
     * Reads the server's response from {@code input} (the client side of the handshake). Returns
     * {@code null} and leaves the position unchanged while the record is incomplete.
     *
     * @throws HubProtocolException when the record is not a valid response — among others
     *         {@code "Expected a handshake response from the server."} for a hub message
     */
    public static HandshakeResponseMessage parseResponse(ByteBuffer input) {
        ByteBuffer record = TextMessageFraming.nextRecord(input);
        if (record == null) {
            return null;
        }
        String error = null;
        try (JsonParser parser = JSON.createParser(bytes(record))) {
            JsonFields.requireObjectStart(parser.nextToken());
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                switch (parser.currentName()) {
                    case "error" -> error = JsonFields.readString(parser, "error");
                    case "type" -> throw new HubProtocolException("Expected a handshake response from the server.");
                    default -> skipValue(parser);
                }
            }
        } catch (IOException e) {
            throw new HubProtocolException(JsonFields.ERROR_READING_JSON, e);
        }
        return error == null ? HandshakeResponseMessage.SUCCESS : new HandshakeResponseMessage(error);
    }

    /** {@code {}} plus the separator on success, {@code {"error":"…"}} plus the separator otherwise. */
    public static byte[] writeResponse(HandshakeResponseMessage response) {
        if (response.isSuccess()) {
            return SUCCESS.clone();
        }
        return write(generator -> generator.writeStringField("error", response.error()));
    }

    /** {@code {"protocol":"…","version":N}} plus the separator. */
    public static byte[] writeRequest(HandshakeRequestMessage request) {
        return write(generator -> {
            generator.writeStringField("protocol", request.protocol());
            generator.writeNumberField("version", request.version());
        });
    }

    private static byte[] bytes(ByteBuffer record) {
        byte[] bytes = new byte[record.remaining()];
        record.duplicate().get(bytes);
        return bytes;
    }

    private static void skipValue(JsonParser parser) throws IOException {
        parser.nextToken();
        parser.skipChildren();
    }

    private static HubProtocolException missing(String property, ByteBuffer record) {
        return new HubProtocolException("Missing required property '" + property + "'. Message content: "
                + StandardCharsets.UTF_8.decode(record.duplicate()));
    }

    private interface Fields {
        void write(JsonGenerator generator) throws IOException;
    }

    private static byte[] write(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            fields.write(generator);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write(TextMessageFraming.RECORD_SEPARATOR);
        return out.toByteArray();
    }
}
