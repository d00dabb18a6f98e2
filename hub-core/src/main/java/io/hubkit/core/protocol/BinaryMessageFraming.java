package io.hubkit.core.protocol;

import java.nio.ByteBuffer;

/**
 * The frame format of binary protocols (MessagePack): each frame is its body's length as a VarInt
 * (unsigned 7-bit groups, least significant first, high bit set while more bytes follow; one to
 * five bytes, at most 2<sup>31</sup>−1) followed by the body. Stateless and thread-safe.
 *
 * <p>Reading never allocates according to the announced length: an incomplete frame is reported
 * as such however large it claims to be, so a hostile prefix costs nothing until its bytes arrive
 * (the caller's size limit, see {@link BoundedMessageReader}, bounds how many may be buffered).
 */
public final class BinaryMessageFraming {

    /** The longest possible length prefix. */
    public static final int MAX_PREFIX_SIZE = 5;

    static final String TOO_LARGE = "Messages over 2GB in size are not supported.";

    private BinaryMessageFraming() {
    }

    /**
     * Cuts the next whole frame out of {@code input}. When it is complete, returns its body (a view
     * of {@code input}) and advances the position past it; otherwise returns {@code null} and
     * leaves the position unchanged.
     *
     * @throws HubProtocolException {@code "Messages over 2GB in size are not supported."} for a
     *         prefix longer than five bytes or above 2<sup>31</sup>−1
     */
    public static ByteBuffer nextFrame(ByteBuffer input) {
        int start = input.position();
        int available = input.remaining();
        if (available == 0) {
            return null;
        }
        int prefixBytes = Math.min(MAX_PREFIX_SIZE, available);
        long length = 0;
        int read = 0;
        int current;
        do {
            current = input.get(start + read) & 0xFF;
            length |= (long) (current & 0x7F) << (read * 7);
            read++;
        } while (read < prefixBytes && (current & 0x80) != 0);

        if ((current & 0x80) != 0 && read < MAX_PREFIX_SIZE) {
            return null;
        }
        if ((current & 0x80) != 0 || (read == MAX_PREFIX_SIZE && current > 7)) {
            throw new HubProtocolException(TOO_LARGE);
        }
        if (available - read < length) {
            return null;
        }
        ByteBuffer body = input.duplicate();
        body.position(start + read).limit(start + read + (int) length);
        input.position(start + read + (int) length);
        return body.slice();
    }

    /** The number of bytes the VarInt prefix of {@code length} takes (1 to 5). */
    public static int prefixSize(int length) {
        requireValidLength(length);
        int size = 1;
        for (int rest = length >>> 7; rest != 0; rest >>>= 7) {
            size++;
        }
        return size;
    }

    /** Writes the VarInt prefix of {@code length} into {@code target} at {@code offset}; returns the bytes written. */
    public static int writePrefix(int length, byte[] target, int offset) {
        requireValidLength(length);
        int position = offset;
        int rest = length;
        do {
            int group = rest & 0x7F;
            rest >>>= 7;
            target[position++] = (byte) (rest != 0 ? group | 0x80 : group);
        } while (rest != 0);
        return position - offset;
    }

    /** The body preceded by its length prefix, in a new array. */
    public static byte[] frame(byte[] body) {
        byte[] framed = new byte[prefixSize(body.length) + body.length];
        int prefix = writePrefix(body.length, framed, 0);
        System.arraycopy(body, 0, framed, prefix, body.length);
        return framed;
    }

    private static void requireValidLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
    }
}
