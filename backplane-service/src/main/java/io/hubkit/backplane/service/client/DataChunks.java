package io.hubkit.backplane.service.client;

import io.hubkit.core.protocol.BinaryMessageFraming;
import io.hubkit.core.protocol.HubProtocolException;
import io.hubkit.core.protocol.TextMessageFraming;
import io.hubkit.core.protocol.TransferFormat;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts what the hub runtime writes to a client (whole hub-protocol records) into the pieces that
 * travel as {@code ConnectionData}: whole records packed together up to a size limit; a record
 * above the limit alone is cut into partial pieces, all but its last one marked partial, so the
 * receiver reassembles it. Stateless and thread-safe.
 */
public final class DataChunks {

    /** One {@code ConnectionData} payload and whether more pieces of the same record follow. */
    public record Chunk(byte[] payload, boolean partial) {
    }

    private DataChunks() {
    }

    /**
     * The pieces of {@code payload} (read from its position to its limit; not modified).
     *
     * @param format   how records are framed: {@link TransferFormat#TEXT} (0x1E-terminated) or binary (VarInt
     *                 length prefix); bytes that do not parse as whole records are cut by size only
     * @param maxChunk the largest piece
     */
    public static List<Chunk> split(ByteBuffer payload, TransferFormat format, int maxChunk) {
        ByteBuffer input = payload.duplicate();
        List<Chunk> chunks = new ArrayList<>();
        if (input.remaining() <= maxChunk) {
            chunks.add(new Chunk(bytes(input, input.remaining()), false));
            return chunks;
        }
        int packStart = input.position();
        while (input.hasRemaining()) {
            int recordStart = input.position();
            int recordEnd = recordEnd(input, format);
            if (recordEnd < 0) {
                recordEnd = input.limit(); // not whole records: the rest is one "record"
            }
            int recordLength = recordEnd - recordStart;
            if (recordEnd - packStart > maxChunk && recordStart > packStart) {
                chunks.add(new Chunk(slice(input, packStart, recordStart), false));
                packStart = recordStart;
            }
            if (recordLength > maxChunk) {
                for (int at = recordStart; at < recordEnd; at += maxChunk) {
                    int end = Math.min(recordEnd, at + maxChunk);
                    chunks.add(new Chunk(slice(input, at, end), end < recordEnd));
                }
                packStart = recordEnd;
            }
            input.position(recordEnd);
        }
        if (packStart < input.limit()) {
            chunks.add(new Chunk(slice(input, packStart, input.limit()), false));
        }
        return chunks;
    }

    /** Where the record starting at the buffer's position ends (exclusive), or -1 if it is not whole. */
    private static int recordEnd(ByteBuffer input, TransferFormat format) {
        ByteBuffer probe = input.duplicate();
        try {
            ByteBuffer record = format == TransferFormat.TEXT
                    ? TextMessageFraming.nextRecord(probe) : BinaryMessageFraming.nextFrame(probe);
            return record == null ? -1 : probe.position();
        } catch (HubProtocolException e) {
            return -1;
        }
    }

    private static byte[] slice(ByteBuffer input, int from, int to) {
        ByteBuffer view = input.duplicate();
        view.limit(to).position(from);
        return bytes(view, to - from);
    }

    private static byte[] bytes(ByteBuffer view, int length) {
        byte[] out = new byte[length];
        view.duplicate().get(out);
        return out;
    }
}
