package io.hubkit.backplane.service.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.protocol.BinaryMessageFraming;
import io.hubkit.core.protocol.TextMessageFraming;
import io.hubkit.core.protocol.TransferFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataChunksTest {

    private static byte[] text(String payload) {
        return TextMessageFraming.frame(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] joined(List<DataChunks.Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(chunk -> out.writeBytes(chunk.payload()));
        return out.toByteArray();
    }

    @Test
    void aSmallWriteIsOneWholeChunk() {
        byte[] records = concat(text("{\"type\":6}"), text("{\"type\":6}"));
        List<DataChunks.Chunk> chunks = DataChunks.split(ByteBuffer.wrap(records), TransferFormat.TEXT, 1024);
        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).partial()).isFalse();
        assertThat(chunks.get(0).payload()).isEqualTo(records);
    }

    @Test
    void bigWritesAreCutAtRecordBoundaries() {
        byte[] a = text("a".repeat(300));
        byte[] b = text("b".repeat(300));
        byte[] c = text("c".repeat(300));
        List<DataChunks.Chunk> chunks = DataChunks.split(ByteBuffer.wrap(concat(a, b, c)), TransferFormat.TEXT, 700);
        assertThat(chunks).extracting(DataChunks.Chunk::partial).containsExactly(false, false);
        assertThat(chunks.get(0).payload()).isEqualTo(concat(a, b));
        assertThat(chunks.get(1).payload()).isEqualTo(c);
    }

    @Test
    void aRecordAboveTheLimitTravelsInPartialPieces() {
        byte[] small = BinaryMessageFraming.frame(new byte[] {1, 2, 3});
        byte[] body = new byte[1000];
        Arrays.fill(body, (byte) 7);
        byte[] big = BinaryMessageFraming.frame(body);
        byte[] after = BinaryMessageFraming.frame(new byte[] {4});
        List<DataChunks.Chunk> chunks = DataChunks.split(ByteBuffer.wrap(concat(small, big, after)),
                TransferFormat.BINARY, 400);

        assertThat(chunks.get(0).payload()).isEqualTo(small);
        assertThat(chunks.get(0).partial()).isFalse();
        List<DataChunks.Chunk> pieces = chunks.subList(1, chunks.size() - 1);
        assertThat(pieces).allMatch(piece -> piece.payload().length <= 400);
        assertThat(pieces.subList(0, pieces.size() - 1)).allMatch(DataChunks.Chunk::partial);
        assertThat(pieces.get(pieces.size() - 1).partial()).isFalse();
        assertThat(joined(pieces)).isEqualTo(big);
        assertThat(chunks.get(chunks.size() - 1).payload()).isEqualTo(after);
        assertThat(joined(chunks)).isEqualTo(concat(small, big, after));
    }

    @Test
    void theBufferIsNotConsumed() {
        ByteBuffer buffer = ByteBuffer.wrap(concat(text("x".repeat(50)), text("y".repeat(50))));
        DataChunks.split(buffer, TransferFormat.TEXT, 60);
        assertThat(buffer.position()).isZero();
    }

    @Test
    void partialPiecesAreReassembledWithinTheLimit() {
        PartialData partials = new PartialData(10);
        assertThat(partials.accept(new byte[] {1, 2}, true)).isNull();
        assertThat(partials.accept(new byte[] {3}, true)).isNull();
        ByteBuffer whole = partials.accept(new byte[] {4}, false);
        assertThat(whole.array()).containsExactly(1, 2, 3, 4);
        assertThat(partials.accept(new byte[] {5}, false).array()).containsExactly(5);

        assertThat(partials.accept(new byte[8], true)).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> partials.accept(new byte[3], false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exceeded 10 bytes");
    }
}
