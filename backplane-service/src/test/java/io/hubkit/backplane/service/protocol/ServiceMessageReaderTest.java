package io.hubkit.backplane.service.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** The stream reader: chunk boundaries, the size limit, unknown types and bad input. */
class ServiceMessageReaderTest {

    private static final ServiceMessage JOIN = new JoinGroupWithAckMessage("c1", "g1", 7, ServiceExtensions.NONE);
    private static final ServiceMessage DATA = new ConnectionDataMessage("c2", new byte[] {1, 2, 3},
            ServiceExtensions.NONE.withDataMessageType(DataMessageType.INVOCATION));

    @Test
    void aChunkMayHoldSeveralMessagesAndEndInsideOne() {
        byte[] stream = concat(framed(JOIN), framed(DATA), framed(PingMessage.KEEP_ALIVE));
        ServiceMessageReader reader = new ServiceMessageReader();
        int cut = framed(JOIN).length + 4;

        List<ServiceMessage> first = reader.read(ByteBuffer.wrap(stream, 0, cut));
        assertThat(first).containsExactly(JOIN);
        assertThat(reader.bufferedBytes()).isEqualTo(4);

        List<ServiceMessage> rest = reader.read(ByteBuffer.wrap(stream, cut, stream.length - cut));
        assertThat(rest).containsExactly(DATA, PingMessage.KEEP_ALIVE);
        assertThat(reader.bufferedBytes()).isZero();
    }

    @Test
    void theChunkIsConsumedAndItsBytesCopied() {
        byte[] stream = framed(DATA);
        ByteBuffer chunk = ByteBuffer.wrap(stream, 0, stream.length - 1);
        ServiceMessageReader reader = new ServiceMessageReader();

        assertThat(reader.read(chunk)).isEmpty();
        assertThat(chunk.hasRemaining()).isFalse();
        byte last = stream[stream.length - 1];
        java.util.Arrays.fill(stream, (byte) 0);

        assertThat(reader.read(ByteBuffer.wrap(new byte[] {last}))).containsExactly(DATA);
    }

    @Test
    void directBuffersAreRead() {
        byte[] stream = concat(framed(JOIN), framed(DATA));
        ByteBuffer direct = ByteBuffer.allocateDirect(stream.length);
        direct.put(stream).flip();

        assertThat(new ServiceMessageReader().read(direct)).containsExactly(JOIN, DATA);

        ServiceMessageReader split = new ServiceMessageReader();
        ByteBuffer first = ByteBuffer.allocateDirect(5).put(stream, 0, 5).flip();
        ByteBuffer rest = ByteBuffer.allocateDirect(stream.length - 5).put(stream, 5, stream.length - 5).flip();
        assertThat(split.read(first)).isEmpty();
        assertThat(split.read(rest)).containsExactly(JOIN, DATA);
    }

    @Test
    void unknownTypeIdsAreSkipped() throws IOException {
        MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
        packer.packArrayHeader(3).packInt(99).packString("future").packMapHeader(0);
        byte[] unknown = frame(packer.toByteArray());

        List<ServiceMessage> read = new ServiceMessageReader().read(ByteBuffer.wrap(concat(unknown, framed(JOIN))));

        assertThat(read).containsExactly(JOIN);
        assertThat(ServiceProtocol.parseBody(packer.toByteArray())).isNull();
    }

    @Test
    void aMessageOverTheLimitFailsAsSoonAsItsPrefixArrives() {
        ServiceMessageReader reader = new ServiceMessageReader(1024);
        byte[] prefixOnly = {(byte) 0x81, 0x08}; // announces 1025 bytes

        assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(prefixOnly)))
                .isInstanceOf(ServiceProtocolException.class)
                .hasMessageContaining("1025 bytes exceeds the maximum message size of 1024 bytes");
    }

    @Test
    void aMessageAtTheLimitIsRead() {
        ConnectionDataMessage message = new ConnectionDataMessage("c", new byte[1000], ServiceExtensions.NONE);
        byte[] framed = framed(message);
        int bodyLength = ServiceProtocol.writeBody(message).length;

        assertThat(new ServiceMessageReader(bodyLength).read(ByteBuffer.wrap(framed))).containsExactly(message);
        assertThatThrownBy(() -> new ServiceMessageReader(bodyLength - 1).read(ByteBuffer.wrap(framed)))
                .isInstanceOf(ServiceProtocolException.class);
    }

    @Test
    void theDefaultLimitIsSixteenMegabytes() {
        assertThat(ServiceProtocol.DEFAULT_MAX_MESSAGE_SIZE).isEqualTo(16 * 1024 * 1024);
        byte[] overDefault = {(byte) 0x81, (byte) 0x80, (byte) 0x80, 0x08}; // 16 MB + 1
        assertThatThrownBy(() -> new ServiceMessageReader().read(ByteBuffer.wrap(overDefault)))
                .isInstanceOf(ServiceProtocolException.class).hasMessageContaining("16777217 bytes");
    }

    @Test
    void aPrefixOfMoreThanFiveBytesIsRejected() {
        byte[] prefix = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        assertThatThrownBy(() -> new ServiceMessageReader(Integer.MAX_VALUE).read(ByteBuffer.wrap(prefix)))
                .isInstanceOf(ServiceProtocolException.class);
    }

    @Test
    void afterAFailureTheReaderStaysFailed() {
        ServiceMessageReader reader = new ServiceMessageReader();
        assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(new byte[] {0x01, (byte) 0xc0})))
                .isInstanceOf(ServiceProtocolException.class);

        assertThatThrownBy(() -> reader.read(ByteBuffer.wrap(framed(JOIN))))
                .isInstanceOf(ServiceProtocolException.class).hasMessageContaining("failed before");
    }

    @Test
    void badMessagesFailWithTheFieldNamed() throws IOException {
        MessageBufferPacker wrongType = MessagePack.newDefaultBufferPacker();
        wrongType.packArrayHeader(4).packInt(6).packInt(5).packBinaryHeader(0).packMapHeader(0);
        assertThatThrownBy(() -> ServiceProtocol.parseBody(wrongType.toByteArray()))
                .isInstanceOf(ServiceProtocolException.class).hasMessageContaining("'connectionId'");

        MessageBufferPacker tooShort = MessagePack.newDefaultBufferPacker();
        tooShort.packArrayHeader(2).packInt(18).packString("c1");
        assertThatThrownBy(() -> ServiceProtocol.parseBody(tooShort.toByteArray()))
                .isInstanceOf(ServiceProtocolException.class).hasMessageContaining("'groupName'");

        MessageBufferPacker nilId = MessagePack.newDefaultBufferPacker();
        nilId.packArrayHeader(4).packInt(11).packNil().packString("g").packMapHeader(0);
        assertThatThrownBy(() -> ServiceProtocol.parseBody(nilId.toByteArray()))
                .isInstanceOf(ServiceProtocolException.class).hasMessageContaining("'connectionId'");

        assertThatThrownBy(() -> ServiceProtocol.parseBody(new byte[] {(byte) 0x90}))
                .isInstanceOf(ServiceProtocolException.class);
        assertThatThrownBy(() -> ServiceProtocol.parseBody(new byte[] {0x05}))
                .isInstanceOf(ServiceProtocolException.class);
        assertThatThrownBy(() -> ServiceProtocol.parseBody(new byte[0]))
                .isInstanceOf(ServiceProtocolException.class);
    }

    @Test
    void aHostileLengthInsideAMessageAllocatesNothing() throws IOException {
        MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
        packer.packArrayHeader(4).packInt(6).packString("c");
        byte[] head = packer.toByteArray();
        byte[] body = concat(head, new byte[] {(byte) 0xc6, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});

        assertThatThrownBy(() -> ServiceProtocol.parseBody(body))
                .isInstanceOf(ServiceProtocolException.class).hasMessageContaining("'payload'");

        MessageBufferPacker manyElements = MessagePack.newDefaultBufferPacker();
        manyElements.packArrayHeader(4).packInt(7);
        byte[] list = concat(manyElements.toByteArray(), new byte[] {(byte) 0xdd, 0x7f, (byte) 0xff, (byte) 0xff,
                (byte) 0xff});
        assertThatThrownBy(() -> ServiceProtocol.parseBody(list)).isInstanceOf(ServiceProtocolException.class);
    }

    @Test
    void payloadsAreLookedUpIgnoringCaseAndKeepTheirOrder() {
        Map<String, byte[]> payloads = new java.util.LinkedHashMap<>();
        payloads.put("messagepack", new byte[] {2});
        payloads.put("json", new byte[] {1});
        BroadcastDataMessage message = new BroadcastDataMessage(List.of(), payloads, ServiceExtensions.NONE);

        BroadcastDataMessage read = (BroadcastDataMessage) ServiceProtocol.parseBody(ServiceProtocol.writeBody(message));

        assertThat(read.payloads().get("JSON")).containsExactly(1);
        assertThat(read.payloads().containsKey("MessagePack")).isTrue();
        assertThat(new ArrayList<>(read.payloads().keySet())).containsExactly("messagepack", "json");
        assertThat(read).isEqualTo(message);
    }

    static byte[] framed(ServiceMessage message) {
        return ServiceProtocolVectorTest.bytes(ServiceProtocol.write(message));
    }

    static byte[] frame(byte[] body) {
        return io.hubkit.core.protocol.BinaryMessageFraming.frame(body);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
