package io.hubkit.backplane.service.protocol;

import io.hubkit.core.protocol.BinaryMessageFraming;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the MessagePack values of one service message the way the reference writer does
 * (integers, strings and binaries in their shortest form, empty collections as empty containers)
 * into one growing array that keeps room in front for the frame's length prefix, so framing copies
 * nothing. Not thread-safe; one instance per message.
 */
final class ServiceFieldWriter {

    private static final int PREFIX_ROOM = BinaryMessageFraming.MAX_PREFIX_SIZE;

    private byte[] buffer;
    private int position = PREFIX_ROOM;

    ServiceFieldWriter(int expectedBodySize) {
        buffer = new byte[PREFIX_ROOM + Math.max(16, expectedBodySize)];
    }

    /** The body preceded by its VarInt length prefix, as a buffer over the internal array. */
    ByteBuffer framed() {
        int length = position - PREFIX_ROOM;
        int prefix = BinaryMessageFraming.prefixSize(length);
        BinaryMessageFraming.writePrefix(length, buffer, PREFIX_ROOM - prefix);
        return ByteBuffer.wrap(buffer, PREFIX_ROOM - prefix, prefix + length).slice();
    }

    /** The body alone, in a new array. */
    byte[] body() {
        return Arrays.copyOfRange(buffer, PREFIX_ROOM, position);
    }

    void writeArrayHeader(int size) {
        writeContainerHeader(size, 0x90, 0xdc, 0xdd);
    }

    void writeMapHeader(int size) {
        writeContainerHeader(size, 0x80, 0xde, 0xdf);
    }

    private void writeContainerHeader(int size, int fix, int header16, int header32) {
        if (size < 16) {
            writeByte(fix | size);
        } else if (size < 0x10000) {
            writeByte(header16);
            writeBigEndian(size, 2);
        } else {
            writeByte(header32);
            writeBigEndian(size, 4);
        }
    }

    void writeNil() {
        writeByte(0xc0);
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 0xc3 : 0xc2);
    }

    void writeInt(long value) {
        if (value >= 0) {
            writeUnsigned(value);
        } else if (value >= -32) {
            writeByte((int) value & 0xff);
        } else if (value >= Byte.MIN_VALUE) {
            writeByte(0xd0);
            writeBigEndian(value, 1);
        } else if (value >= Short.MIN_VALUE) {
            writeByte(0xd1);
            writeBigEndian(value, 2);
        } else if (value >= Integer.MIN_VALUE) {
            writeByte(0xd2);
            writeBigEndian(value, 4);
        } else {
            writeByte(0xd3);
            writeBigEndian(value, 8);
        }
    }

    /** The 64 bits of {@code value} as an unsigned integer (negative values are above 2^63). */
    void writeUnsigned(long value) {
        if (value < 0) {
            writeByte(0xcf);
            writeBigEndian(value, 8);
        } else if (value < 0x80) {
            writeByte((int) value);
        } else if (value < 0x100) {
            writeByte(0xcc);
            writeBigEndian(value, 1);
        } else if (value < 0x10000) {
            writeByte(0xcd);
            writeBigEndian(value, 2);
        } else if (value < 0x1_0000_0000L) {
            writeByte(0xce);
            writeBigEndian(value, 4);
        } else {
            writeByte(0xcf);
            writeBigEndian(value, 8);
        }
    }

    /** A 32-bit int always in its five-byte form ({@code d2} and four bytes). */
    void writeFixedInt32(int value) {
        writeByte(0xd2);
        writeBigEndian(value, 4);
    }

    /** A string, or nil for {@code null}. */
    void writeString(String value) {
        if (value == null) {
            writeNil();
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int length = utf8.length;
        if (length < 32) {
            writeByte(0xa0 | length);
        } else if (length < 0x100) {
            writeByte(0xd9);
            writeBigEndian(length, 1);
        } else if (length < 0x10000) {
            writeByte(0xda);
            writeBigEndian(length, 2);
        } else {
            writeByte(0xdb);
            writeBigEndian(length, 4);
        }
        writeRaw(utf8);
    }

    /** A binary, or nil for {@code null}. */
    void writeBinary(byte[] value) {
        if (value == null) {
            writeNil();
            return;
        }
        int length = value.length;
        if (length < 0x100) {
            writeByte(0xc4);
            writeBigEndian(length, 1);
        } else if (length < 0x10000) {
            writeByte(0xc5);
            writeBigEndian(length, 2);
        } else {
            writeByte(0xc6);
            writeBigEndian(length, 4);
        }
        writeRaw(value);
    }

    void writeStringList(List<String> values) {
        writeArrayHeader(values.size());
        for (String value : values) {
            writeString(value);
        }
    }

    void writePayloads(Map<String, byte[]> payloads) {
        writeMapHeader(payloads.size());
        payloads.forEach((protocol, payload) -> {
            writeString(protocol);
            writeBinary(payload);
        });
    }

    void writeClaims(List<ServiceClaim> claims) {
        writeMapHeader(claims.size());
        for (ServiceClaim claim : claims) {
            writeString(claim.type());
            writeString(claim.value());
        }
    }

    void writeHeaders(Map<String, List<String>> headers) {
        writeMapHeader(headers.size());
        headers.forEach((name, values) -> {
            writeString(name);
            writeStringList(values);
        });
    }

    void writeExtensions(ServiceExtensions extensions) {
        writeMapHeader(extensions.size());
        if (extensions.tracingId() != null) {
            writeInt(ServiceExtensions.TRACING_ID);
            writeUnsigned(extensions.tracingId());
        }
        if (extensions.ttl() != null) {
            writeInt(ServiceExtensions.TTL);
            writeInt(extensions.ttl());
        }
        if (extensions.protocol() != null) {
            writeInt(ServiceExtensions.PROTOCOL);
            writeString(extensions.protocol());
        }
        if (extensions.filter() != null) {
            writeInt(ServiceExtensions.FILTER);
            writeString(extensions.filter());
        }
        if (extensions.dataMessageType() != null) {
            writeInt(ServiceExtensions.DATA_MESSAGE_TYPE);
            writeInt(extensions.dataMessageType());
        }
        if (extensions.isPartial() != null) {
            writeInt(ServiceExtensions.IS_PARTIAL);
            writeBoolean(extensions.isPartial());
        }
    }

    private void writeByte(int value) {
        ensure(1);
        buffer[position++] = (byte) value;
    }

    private void writeBigEndian(long value, int bytes) {
        ensure(bytes);
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            buffer[position++] = (byte) (value >>> shift);
        }
    }

    private void writeRaw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    private void ensure(int more) {
        if (buffer.length - position < more) {
            long wanted = Math.max((long) buffer.length * 2, (long) position + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new ServiceProtocolException("A service message cannot exceed 2 GB");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }
}
