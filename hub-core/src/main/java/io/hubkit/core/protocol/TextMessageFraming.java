package io.hubkit.core.protocol;

import java.nio.ByteBuffer;

/**
 * The record framing of text protocols (the JSON hub protocol and the handshake): each record is
 * UTF-8 text followed by the record separator {@code 0x1E}. Valid JSON cannot contain a raw
 * {@code 0x1E}, so the first separator always ends the record. Stateless and thread-safe.
 */
public final class TextMessageFraming {

    /** The ASCII record separator that ends every record. */
    public static final byte RECORD_SEPARATOR = 0x1E;

    private TextMessageFraming() {
    }

    /**
     * Cuts the next whole record out of {@code input}. When a separator is found, returns the
     * record's payload (a view of {@code input} without the separator) and advances the position
     * past the separator; otherwise returns {@code null} and leaves the position unchanged.
     */
    public static ByteBuffer nextRecord(ByteBuffer input) {
        int start = input.position();
        int end = indexOfSeparator(input, start);
        if (end < 0) {
            return null;
        }
        ByteBuffer record = input.duplicate();
        record.position(start).limit(end);
        input.position(end + 1);
        return record.slice();
    }

    /** The payload followed by the record separator, in a new array. */
    public static byte[] frame(byte[] payload) {
        byte[] framed = new byte[payload.length + 1];
        System.arraycopy(payload, 0, framed, 0, payload.length);
        framed[payload.length] = RECORD_SEPARATOR;
        return framed;
    }

    private static int indexOfSeparator(ByteBuffer input, int from) {
        if (input.hasArray()) {
            byte[] array = input.array();
            int offset = input.arrayOffset();
            for (int i = from, limit = input.limit(); i < limit; i++) {
                if (array[offset + i] == RECORD_SEPARATOR) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = from, limit = input.limit(); i < limit; i++) {
            if (input.get(i) == RECORD_SEPARATOR) {
                return i;
            }
        }
        return -1;
    }
}
