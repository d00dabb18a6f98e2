package io.hubkit.core.protocol;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.Arrays;
import org.msgpack.core.MessageUnpacker;

/**
 * Skips one MessagePack value while counting how deeply its arrays and maps nest, and refuses it
 * beyond a limit — the guard Jackson's {@code StreamReadConstraints} gives the JSON protocol, which
 * the MessagePack parser does not apply. Without it a small message of nested one-element arrays
 * (one byte per level) binds to a structure so deep that printing, comparing or re-serializing it
 * overflows the stack. Iterative: the value's depth never costs stack. Stateless.
 */
final class MessagePackNesting {

    private MessagePackNesting() {
    }

    /**
     * Moves {@code unpacker} past its next value.
     *
     * @throws StreamConstraintsException when containers nest deeper than {@code maxDepth}
     * @throws IOException                when the value is malformed or truncated
     */
    static void skipValue(MessageUnpacker unpacker, int maxDepth) throws IOException {
        long[] left = new long[8];
        int depth = 0;
        left[0] = 1;
        while (true) {
            if (left[depth] == 0) {
                if (depth == 0) {
                    return;
                }
                depth--;
                continue;
            }
            left[depth]--;
            long children = switch (unpacker.getNextFormat().getValueType()) {
                case ARRAY -> unpacker.unpackArrayHeader();
                case MAP -> 2L * unpacker.unpackMapHeader();
                default -> {
                    unpacker.skipValue();
                    yield 0;
                }
            };
            if (children > 0) {
                if (depth + 1 > maxDepth) {
                    throw new StreamConstraintsException("Document nesting depth (" + (depth + 1)
                            + ") exceeds the maximum allowed (" + maxDepth
                            + ", from `StreamReadConstraints.getMaxNestingDepth()`)");
                }
                depth++;
                if (depth == left.length) {
                    left = Arrays.copyOf(left, Math.min(left.length * 2, maxDepth + 1));
                }
                left[depth] = children;
            }
        }
    }
}
