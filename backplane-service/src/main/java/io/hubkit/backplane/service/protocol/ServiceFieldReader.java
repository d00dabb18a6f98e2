package io.hubkit.backplane.service.protocol;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageUnpacker;

/**
 * Reads the elements of one service message array in order, counting them against the length its
 * header announced, so optional trailing fields are read only when present and an element that is
 * missing or of the wrong type fails with a {@link ServiceProtocolException} naming the field.
 * Elements after the last known one (a newer peer's additions) are left unread: the frame's length
 * already bounds the message.
 * Integers are accepted in any MessagePack width. Lengths are checked against the bytes left
 * before anything is allocated, so a hostile length costs nothing. Not thread-safe.
 */
final class ServiceFieldReader {

    private final MessageUnpacker unpacker;
    private final long bodyLength;
    private int typeId;
    private int remaining;

    ServiceFieldReader(MessageUnpacker unpacker, long bodyLength) {
        this.unpacker = unpacker;
        this.bodyLength = bodyLength;
    }

    /** Reads the array header and the type id; returns the type id. */
    int begin() {
        try {
            remaining = unpacker.unpackArrayHeader();
        } catch (IOException | RuntimeException e) {
            throw new ServiceProtocolException("A service message must be a MessagePack array", e);
        }
        if (remaining == 0) {
            throw new ServiceProtocolException("A service message must not be an empty array");
        }
        typeId = 0;
        typeId = readInt("type");
        return typeId;
    }

    /** Whether the array has elements left. */
    boolean hasMore() {
        return remaining > 0;
    }

    int readInt(String field) {
        next(field);
        try {
            return unpacker.unpackInt();
        } catch (IOException | RuntimeException e) {
            throw failure(field, "Int32", e);
        }
    }

    boolean readBoolean(String field) {
        next(field);
        try {
            return unpacker.unpackBoolean();
        } catch (IOException | RuntimeException e) {
            throw failure(field, "Boolean", e);
        }
    }

    /** A string, or {@code null} for nil. */
    String readString(String field) {
        next(field);
        return string(field);
    }

    /** A string that must not be nil. */
    String readId(String field) {
        String value = readString(field);
        if (value == null) {
            throw new ServiceProtocolException("Reading '" + field + "' of message type " + typeId
                    + " failed: nil where a string is required");
        }
        return value;
    }

    /** A binary, or {@code null} for nil. */
    byte[] readBinary(String field) {
        next(field);
        return binary(field);
    }

    byte[] readRequiredBinary(String field) {
        byte[] value = readBinary(field);
        if (value == null) {
            throw new ServiceProtocolException("Reading '" + field + "' of message type " + typeId
                    + " failed: nil where a binary is required");
        }
        return value;
    }

    /** An array of strings; nil reads as empty. */
    List<String> readStringList(String field) {
        next(field);
        try {
            if (unpacker.tryUnpackNil()) {
                return List.of();
            }
            int count = unpacker.unpackArrayHeader();
            List<String> values = new ArrayList<>(Math.min(count, 16));
            for (int i = 0; i < count; i++) {
                String value = string(field);
                if (value == null) {
                    throw new ServiceProtocolException("Reading '" + field + "' of message type " + typeId
                            + " failed: nil in a list of strings");
                }
                values.add(value);
            }
            return values;
        } catch (IOException | RuntimeException e) {
            throw failure(field, "array of strings", e);
        }
    }

    /** A map of protocol name to binary; nil reads as empty. */
    Map<String, byte[]> readPayloads(String field) {
        next(field);
        try {
            if (unpacker.tryUnpackNil()) {
                return Map.of();
            }
            int count = unpacker.unpackMapHeader();
            Map<String, byte[]> payloads = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String protocol = string(field);
                byte[] payload = binary(field);
                if (protocol == null || payload == null) {
                    throw new ServiceProtocolException("Reading '" + field + "' of message type " + typeId
                            + " failed: nil protocol name or payload");
                }
                payloads.putIfAbsent(protocol, payload);
            }
            return payloads;
        } catch (IOException | RuntimeException e) {
            throw failure(field, "map of binaries", e);
        }
    }

    /** A map of claim type to value whose types may repeat, in wire order; nil reads as empty. */
    List<ServiceClaim> readClaims(String field) {
        next(field);
        try {
            if (unpacker.tryUnpackNil()) {
                return List.of();
            }
            int count = unpacker.unpackMapHeader();
            List<ServiceClaim> claims = new ArrayList<>(Math.min(count, 16));
            for (int i = 0; i < count; i++) {
                String type = string(field);
                String value = string(field);
                claims.add(new ServiceClaim(type, value == null ? "" : value));
            }
            return claims;
        } catch (IOException | RuntimeException e) {
            throw failure(field, "map of strings", e);
        }
    }

    /** A map of header name to an array of values, in wire order; nil reads as empty. */
    Map<String, List<String>> readHeaders(String field) {
        next(field);
        try {
            if (unpacker.tryUnpackNil()) {
                return Map.of();
            }
            int count = unpacker.unpackMapHeader();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = string(field);
                if (name == null) {
                    throw new ServiceProtocolException("Reading '" + field + "' of message type " + typeId
                            + " failed: nil header name");
                }
                List<String> values = new ArrayList<>();
                if (!unpacker.tryUnpackNil()) {
                    int valueCount = unpacker.unpackArrayHeader();
                    for (int j = 0; j < valueCount; j++) {
                        String value = string(field);
                        values.add(value == null ? "" : value);
                    }
                }
                headers.put(name, values);
            }
            return headers;
        } catch (IOException | RuntimeException e) {
            throw failure(field, "map of string arrays", e);
        }
    }

    /** The int-keyed extension map; unknown keys are skipped, nil reads as none. */
    ServiceExtensions readExtensions() {
        next("extensions");
        try {
            if (unpacker.tryUnpackNil()) {
                return ServiceExtensions.NONE;
            }
            int count = unpacker.unpackMapHeader();
            Long tracingId = null;
            Integer ttl = null;
            String protocol = null;
            String filter = null;
            Integer dataMessageType = null;
            Boolean partial = null;
            for (int i = 0; i < count; i++) {
                MessageFormat keyFormat = unpacker.getNextFormat();
                if (!keyFormat.getValueType().isIntegerType() || keyFormat == MessageFormat.UINT64) {
                    unpacker.skipValue(2);
                    continue;
                }
                long key = unpacker.unpackLong();
                switch ((int) Math.max(Math.min(key, Integer.MAX_VALUE), 0)) {
                    case ServiceExtensions.TRACING_ID -> tracingId = unsigned();
                    case ServiceExtensions.TTL -> ttl = unpacker.unpackInt();
                    case ServiceExtensions.PROTOCOL -> protocol = string("extensions.protocol");
                    case ServiceExtensions.FILTER -> filter = string("extensions.filter");
                    case ServiceExtensions.DATA_MESSAGE_TYPE -> dataMessageType = unpacker.unpackInt();
                    case ServiceExtensions.IS_PARTIAL -> partial = unpacker.unpackBoolean();
                    default -> unpacker.skipValue();
                }
            }
            return new ServiceExtensions(tracingId, ttl, protocol, filter, dataMessageType, partial);
        } catch (IOException | RuntimeException e) {
            throw failure("extensions", "map", e);
        }
    }

    private long unsigned() throws IOException {
        if (unpacker.getNextFormat() == MessageFormat.UINT64) {
            BigInteger value = unpacker.unpackBigInteger();
            return value.longValue();
        }
        return unpacker.unpackLong();
    }

    private String string(String field) {
        try {
            if (unpacker.tryUnpackNil()) {
                return null;
            }
            if (unpacker.getNextFormat().getValueType() != org.msgpack.value.ValueType.STRING) {
                throw new ServiceProtocolException("Reading '" + field + "' of message type " + typeId
                        + " failed: expected a string, found " + unpacker.getNextFormat());
            }
            int length = unpacker.unpackRawStringHeader();
            return new String(payload(field, length), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw failure(field, "String", e);
        }
    }

    private byte[] binary(String field) {
        try {
            if (unpacker.tryUnpackNil()) {
                return null;
            }
            if (unpacker.getNextFormat().getValueType() != org.msgpack.value.ValueType.BINARY) {
                throw new ServiceProtocolException("Reading '" + field + "' of message type " + typeId
                        + " failed: expected a binary, found " + unpacker.getNextFormat());
            }
            return payload(field, unpacker.unpackBinaryHeader());
        } catch (IOException | RuntimeException e) {
            throw failure(field, "binary", e);
        }
    }

    private byte[] payload(String field, int length) throws IOException {
        if (length < 0 || length > bodyLength - unpacker.getTotalReadBytes()) {
            throw new ServiceProtocolException("Reading '" + field + "' of message type " + typeId
                    + " failed: a length of " + Integer.toUnsignedString(length) + " runs past the end of the message");
        }
        return unpacker.readPayload(length);
    }

    private void next(String field) {
        if (remaining == 0) {
            throw new ServiceProtocolException("Message type " + typeId + " ends before its field '" + field + "'");
        }
        remaining--;
    }

    private ServiceProtocolException failure(String field, String type, Exception cause) {
        if (cause instanceof ServiceProtocolException protocolError) {
            return protocolError;
        }
        return new ServiceProtocolException("Reading '" + field + "' of message type " + typeId + " as " + type
                + " failed", cause);
    }
}
