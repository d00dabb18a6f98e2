package io.hubkit.spring.web.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.protocol.TransferFormat;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.util.internal.PlatformDependent;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The frame writer hands the caller's buffers to the channel without copying them: a coalesced
 * batch of shared direct buffers becomes one frame whose payload the socket reads straight from
 * those buffers (a gathering write), in order; a small batch is merged into the frame header's
 * buffer by Netty as any small frame is.
 */
class NettyFrameWriterTest {

    @Test
    void aLargeBatchOfDirectBuffersLeavesAsOneFrameReadFromThoseBuffers() {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
        ByteBuffer first = direct(2000, (byte) 'a');
        ByteBuffer second = direct(1500, (byte) 'b');

        new NettyFrameWriter(channel).write(List.of(first.asReadOnlyBuffer(), second.asReadOnlyBuffer()),
                TransferFormat.TEXT).block(Duration.ofSeconds(5));

        ByteBuf header = channel.readOutbound();
        ByteBuf payload = channel.readOutbound();
        try {
            assertThat(header.getByte(0) & 0x0F).as("a text frame").isEqualTo(1);
            assertThat(header.getByte(0) & 0x80).as("a final frame").isEqualTo(0x80);
            assertThat(payload.readableBytes()).isEqualTo(3500);
            ByteBuffer[] parts = payload.nioBuffers();
            assertThat(parts).hasSize(2);
            assertThat(address(parts[0])).as("the first record's own memory, not a copy").isEqualTo(address(first));
            assertThat(address(parts[1])).as("the second record's own memory, not a copy").isEqualTo(address(second));
            byte[] bytes = new byte[3500];
            payload.getBytes(payload.readerIndex(), bytes);
            byte[] expected = new byte[3500];
            Arrays.fill(expected, 0, 2000, (byte) 'a');
            Arrays.fill(expected, 2000, 3500, (byte) 'b');
            assertThat(bytes).isEqualTo(expected);
            assertThat(first.position()).as("the shared buffer itself is never moved").isZero();
        } finally {
            header.release();
            payload.release();
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void aSmallBatchLeavesAsOneBinaryFrameWithTheRecordsInOrder() {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false));

        new NettyFrameWriter(channel).write(List.of(ByteBuffer.wrap(new byte[] {1, 2}).asReadOnlyBuffer(),
                direct(3, (byte) 7).asReadOnlyBuffer()), TransferFormat.BINARY).block(Duration.ofSeconds(5));

        ByteBuf frame = channel.readOutbound();
        try {
            ByteBuf expected = Unpooled.wrappedBuffer(new byte[] {(byte) 0x82, 5, 1, 2, 7, 7, 7});
            assertThat(ByteBufUtil.equals(frame, expected)).isTrue();
        } finally {
            frame.release();
            channel.finishAndReleaseAll();
        }
    }

    private static ByteBuffer direct(int length, byte fill) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(length);
        while (buffer.hasRemaining()) {
            buffer.put(fill);
        }
        return buffer.flip();
    }

    private static long address(ByteBuffer buffer) {
        return PlatformDependent.directBufferAddress(buffer) + buffer.position();
    }
}
