package io.hubkit.core.protocol;

import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * MessagePack unpackers for small messages. msgpack's default unpacker allocates an 8,192-character
 * string-decoding buffer (16 KB) on its first string, which is most of what reading a small hub,
 * backplane or service message allocates; these unpackers start with a small one. Strings decode
 * the same (whole strings in the input are read directly; only strings split across input chunks
 * use the buffer, which then works in smaller steps), with msgpack's defaults otherwise: malformed
 * UTF-8 becomes U+FFFD. Thread-safe; each unpacker is for one thread.
 */
public final class MessagePackUnpackers {

    private static final int STRING_DECODER_BUFFER_CHARS = 256;
    private static final MessagePack.UnpackerConfig CONFIG =
            new MessagePack.UnpackerConfig().withStringDecoderBufferSize(STRING_DECODER_BUFFER_CHARS);

    private MessagePackUnpackers() {
    }

    /** An unpacker over {@code bytes[offset, offset + length)}. */
    public static MessageUnpacker over(byte[] bytes, int offset, int length) {
        return CONFIG.newUnpacker(bytes, offset, length);
    }

    /** An unpacker over all of {@code bytes}. */
    public static MessageUnpacker over(byte[] bytes) {
        return CONFIG.newUnpacker(bytes);
    }
}
