package io.hubkit.core.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import org.msgpack.core.MessageUnpacker;

/**
 * Reads the envelope values of the MessagePack hub protocol with the official implementation's
 * error texts ({@code "Reading 'target' as String failed."}). Values are read one after the other
 * from the message body, whatever its array header announced, so a missing element reads as a
 * failure of the element that was expected there.
 */
final class MessagePackFields {

    private MessagePackFields() {
    }

    static int readInt32(MessageUnpacker unpacker, String field) {
        try {
            return unpacker.unpackInt();
        } catch (Exception e) {
            throw new HubProtocolException("Reading '" + field + "' as Int32 failed.", e);
        }
    }

    static long readInt64(MessageUnpacker unpacker, String field) {
        try {
            return unpacker.unpackLong();
        } catch (Exception e) {
            throw new HubProtocolException("Reading '" + field + "' as Int64 failed.", e);
        }
    }

    static boolean readBoolean(MessageUnpacker unpacker, String field) {
        try {
            return unpacker.unpackBoolean();
        } catch (Exception e) {
            throw new HubProtocolException("Reading '" + field + "' as Boolean failed.", e);
        }
    }

    /** A string or {@code null} for nil. */
    static String readString(MessageUnpacker unpacker, String field) {
        try {
            return unpacker.tryUnpackNil() ? null : unpacker.unpackString();
        } catch (Exception e) {
            throw new HubProtocolException("Reading '" + field + "' as String failed.", e);
        }
    }

    static int readArrayLength(MessageUnpacker unpacker, String field) {
        try {
            return unpacker.unpackArrayHeader();
        } catch (Exception e) {
            throw new HubProtocolException("Reading array length for '" + field + "' failed.", e);
        }
    }

    static int readMapLength(MessageUnpacker unpacker, String field) {
        try {
            return unpacker.unpackMapHeader();
        } catch (Exception e) {
            throw new HubProtocolException("Reading map length for '" + field + "' failed.", e);
        }
    }

    /** The headers map, in wire order; neither keys nor values may be empty. */
    static Map<String, String> readHeaders(MessageUnpacker unpacker) {
        int count = readMapLength(unpacker, "headers");
        if (count == 0) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = readString(unpacker, "headers[" + i + "].Key");
            if (key == null || key.isEmpty()) {
                throw new HubProtocolException("Null or empty key in header.");
            }
            String value = readString(unpacker, "headers[" + i + "].Value");
            if (value == null || value.isEmpty()) {
                throw new HubProtocolException("Null or empty value in header.");
            }
            headers.put(key, value);
        }
        return headers;
    }

    /** An invocation id that must be present and non-empty for a message of {@code messageName}. */
    static String readRequiredInvocationId(MessageUnpacker unpacker, String messageName) {
        String id = readString(unpacker, "invocationId");
        if (id == null || id.isEmpty()) {
            throw new HubProtocolException("Null or empty invocation ID for " + messageName + " message.");
        }
        return id;
    }
}
