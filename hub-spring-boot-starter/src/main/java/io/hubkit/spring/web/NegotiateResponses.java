package io.hubkit.spring.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.hubkit.core.protocol.TransferFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes negotiate response bodies (UTF-8 JSON) in the field order of the official server:
 * {@code negotiateVersion}, {@code connectionId}, {@code connectionToken} (version 1 only),
 * {@code availableTransports}, then {@code useStatefulReconnect} when granted; or the error form
 * {@code {"error":"…"}}. Stateless and thread-safe.
 */
public final class NegotiateResponses {

    /** One entry of {@code availableTransports}. */
    public record AvailableTransport(String transport, List<TransferFormat> transferFormats) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private NegotiateResponses() {
    }

    /** The success body for a connection negotiated at {@code version} (0 or 1), without stateful reconnect. */
    public static byte[] success(int version, String connectionId, String connectionToken,
                                 List<AvailableTransport> transports) {
        return success(version, connectionId, connectionToken, transports, false);
    }

    /** The success body; {@code statefulReconnect} adds {@code "useStatefulReconnect":true}. */
    public static byte[] success(int version, String connectionId, String connectionToken,
                                 List<AvailableTransport> transports, boolean statefulReconnect) {
        return write(json -> {
            json.writeStartObject();
            json.writeNumberField("negotiateVersion", version);
            json.writeStringField("connectionId", connectionId);
            if (version > 0) {
                json.writeStringField("connectionToken", connectionToken);
            }
            json.writeArrayFieldStart("availableTransports");
            for (AvailableTransport transport : transports) {
                json.writeStartObject();
                json.writeStringField("transport", transport.transport());
                json.writeArrayFieldStart("transferFormats");
                for (TransferFormat format : transport.transferFormats()) {
                    json.writeString(format.wireName());
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            if (statefulReconnect) {
                json.writeBooleanField("useStatefulReconnect", true);
            }
            json.writeEndObject();
        });
    }

    /** The redirect body {@code {"url":"<url>","accessToken":"<token>"}} (the token left out when {@code null}). */
    public static byte[] redirect(String url, String accessToken) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("url", url);
            if (accessToken != null) {
                json.writeStringField("accessToken", accessToken);
            }
            json.writeEndObject();
        });
    }

    /** The error body {@code {"error":"<message>"}}, sent with HTTP 200 as the clients expect. */
    public static byte[] error(String message) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeEndObject();
        });
    }

    private interface JsonWriting {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static byte[] write(JsonWriting writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            writing.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
