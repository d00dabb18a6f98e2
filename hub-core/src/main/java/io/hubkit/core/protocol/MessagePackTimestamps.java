package io.hubkit.core.protocol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The MessagePack timestamp extension (type −1): 32-bit seconds when there are no nanoseconds and
 * the seconds fit; 64-bit (30-bit nanoseconds, 34-bit seconds) while the seconds fit in 34 bits;
 * 96-bit (32-bit nanoseconds, 64-bit signed seconds) otherwise — the smallest form, as the .NET
 * server and {@code @msgpack/msgpack} write it, and all three on read. Stateless.
 */
final class MessagePackTimestamps {

    /** The extension type code of timestamps. */
    static final byte EXT_TYPE = -1;

    private MessagePackTimestamps() {
    }

    static byte[] encode(Instant instant) {
        long seconds = instant.getEpochSecond();
        int nanos = instant.getNano();
        if (seconds >>> 34 == 0) {
            long data64 = ((long) nanos << 34) | seconds;
            if ((data64 & 0xFFFFFFFF00000000L) == 0) {
                return ByteBuffer.allocate(4).putInt((int) seconds).array();
            }
            return ByteBuffer.allocate(8).putLong(data64).array();
        }
        return ByteBuffer.allocate(12).putInt(nanos).putLong(seconds).array();
    }

    static Instant decode(byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        switch (data.length) {
            case 4:
                return Instant.ofEpochSecond(buffer.getInt() & 0xFFFFFFFFL);
            case 8: {
                long data64 = buffer.getLong();
                return Instant.ofEpochSecond(data64 & 0x3FFFFFFFFL, data64 >>> 34);
            }
            case 12: {
                long nanos = buffer.getInt() & 0xFFFFFFFFL;
                return Instant.ofEpochSecond(buffer.getLong(), nanos);
            }
            default:
                throw new IOException("A MessagePack timestamp has 4, 8 or 12 bytes, not " + data.length);
        }
    }
}
