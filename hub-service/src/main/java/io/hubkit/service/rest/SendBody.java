package io.hubkit.service.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.core.protocol.MessagePackUnpackers;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.InvocationMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Turns the body of a REST {@code :send} into the payloads map the routing core delivers:
 * {@code protocol name -> one framed hub invocation}, the entry a client gets chosen by the protocol
 * of its handshake.
 *
 * <ul>
 *   <li>{@code application/json} (the default): an object with {@code target} (a non-empty string)
 *       and {@code arguments} (an array, absent meaning none), property names matched
 *       case-insensitively as the .NET SDK writes {@code Target}/{@code Arguments}; encoded once per
 *       protocol with hub-core's writers (JSON and MessagePack), as a non-blocking invocation.</li>
 *   <li>{@code application/octet-stream}: a MessagePack map {@code {protocol name: bin}} of framed
 *       invocations, as the .NET SDK's binary payload sends it; taken as it is (string values
 *       accepted too, as UTF-8).</li>
 * </ul>
 *
 * Anything else is a {@link RestException} 400. Stateless and thread-safe.
 */
public final class SendBody {

    /** The media type of the binary payloads-map body. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubProtocols protocols;

    /** Encodes JSON bodies for each of {@code protocols}. */
    public SendBody(HubProtocols protocols) {
        this.protocols = protocols;
    }

    /** Encodes JSON bodies for JSON and MessagePack clients. */
    public static SendBody withDefaultProtocols() {
        return new SendBody(HubProtocols.defaults());
    }

    /**
     * The payloads map of {@code body} sent with {@code contentType} (may be {@code null}); an
     * unmodifiable map whose keys are matched case-insensitively.
     *
     * @throws RestException 400 when the body is not a valid message
     */
    public Map<String, byte[]> payloads(String contentType, byte[] body) {
        if (contentType != null && mediaType(contentType).equals(OCTET_STREAM)) {
            return binary(body);
        }
        return json(body);
    }

    /** The payloads of a JSON {@code {target, arguments}} body. */
    public Map<String, byte[]> json(byte[] body) {
        InvocationMessage invocation = invocation(body);
        Map<String, byte[]> payloads = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HubProtocol protocol : protocols.all()) {
            payloads.put(protocol.name(), protocol.writeMessage(invocation));
        }
        return Collections.unmodifiableMap(payloads);
    }

    /** The invocation a JSON {@code {target, arguments}} body describes. */
    public static InvocationMessage invocation(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RestException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RestException.badRequest("The request body cannot be read.");
        }
        if (root == null || !root.isObject()) {
            throw RestException.badRequest("The request body must be a JSON object with 'target' and 'arguments'.");
        }
        JsonNode target = null;
        JsonNode arguments = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("target")) {
                target = field.getValue();
            } else if (name.equals("arguments")) {
                arguments = field.getValue();
            }
        }
        if (target == null || !target.isTextual() || target.asText().isEmpty()) {
            throw RestException.badRequest("The message needs a non-empty string 'target'.");
        }
        List<Object> args = new ArrayList<>();
        if (arguments != null && !arguments.isNull()) {
            if (!arguments.isArray()) {
                throw RestException.badRequest("The message's 'arguments' must be an array.");
            }
            arguments.forEach(args::add);
        }
        return InvocationMessage.nonBlocking(target.asText(), args);
    }

    /** The payloads of a MessagePack {@code {protocol: bin}} body. */
    public static Map<String, byte[]> binary(byte[] body) {
        Map<String, byte[]> payloads = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (MessageUnpacker unpacker = MessagePackUnpackers.over(body)) {
            if (!unpacker.hasNext() || unpacker.getNextFormat().getValueType() != ValueType.MAP) {
                throw RestException.badRequest("The binary body must be a MessagePack map of protocol names to payloads.");
            }
            int entries = unpacker.unpackMapHeader();
            for (int i = 0; i < entries; i++) {
                if (unpacker.getNextFormat().getValueType() != ValueType.STRING) {
                    throw RestException.badRequest("The binary body's keys must be protocol names.");
                }
                String protocol = unpacker.unpackString();
                MessageFormat format = unpacker.getNextFormat();
                byte[] payload;
                if (format.getValueType() == ValueType.BINARY) {
                    payload = readBounded(unpacker, unpacker.unpackBinaryHeader(), body.length);
                } else if (format.getValueType() == ValueType.STRING) {
                    payload = readBounded(unpacker, unpacker.unpackRawStringHeader(), body.length);
                } else {
                    throw RestException.badRequest("The payload of protocol '" + protocol + "' must be binary.");
                }
                payloads.put(protocol, payload);
            }
            if (unpacker.hasNext()) {
                throw RestException.badRequest("The binary body has data after its map.");
            }
        } catch (MessagePackException | IOException e) {
            throw RestException.badRequest("The binary body is not valid MessagePack.");
        }
        if (payloads.isEmpty()) {
            throw RestException.badRequest("The binary body has no payload.");
        }
        return Collections.unmodifiableMap(payloads);
    }

    /** Reads {@code length} bytes, refusing a length the body cannot hold (never allocates by a hostile header). */
    private static byte[] readBounded(MessageUnpacker unpacker, int length, int bodyLength) throws IOException {
        if (length < 0 || length > bodyLength - unpacker.getTotalReadBytes()) {
            throw RestException.badRequest("The binary body is not valid MessagePack.");
        }
        return unpacker.readPayload(length);
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
