package io.hubkit.backplane.service.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * Liberal reading: any integer width, unknown extension keys, elements a newer peer appends, and
 * the writer's normalisations (absent = empty, nil = empty string where the reference does so).
 */
class ServiceProtocolCompatibilityTest {

    @Test
    void integersAreAcceptedInAnyWidth() throws IOException {
        MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
        packer.packArrayHeader(5).packInt(18).packString("c").packString("g");
        byte[] head = packer.toByteArray();
        // ackId 5 as uint64 (cf), then an ext map with the ttl as int32 (d2)
        byte[] body = ServiceMessageReaderTest.concat(head,
                new byte[] {(byte) 0xcf, 0, 0, 0, 0, 0, 0, 0, 5},
                new byte[] {(byte) 0x81, (byte) 0xd0, 2, (byte) 0xd2, 0, 0, 0, 9});

        JoinGroupWithAckMessage read = (JoinGroupWithAckMessage) ServiceProtocol.parseBody(body);

        assertThat(read.ackId()).isEqualTo(5);
        assertThat(read.extensions().ttl()).isEqualTo(9);
    }

    @Test
    void unknownExtensionKeysAndTrailingElementsAreSkipped() throws IOException {
        MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
        packer.packArrayHeader(6).packInt(6).packString("c").packBinaryHeader(1).writePayload(new byte[] {7});
        packer.packMapHeader(3).packInt(1).packLong(42).packInt(77).packArrayHeader(2).packInt(1).packString("x")
                .packString("not-an-int-key").packBoolean(true);
        packer.packString("a future field").packMapHeader(1).packInt(1).packInt(2);

        ConnectionDataMessage read = (ConnectionDataMessage) ServiceProtocol.parseBody(packer.toByteArray());

        assertThat(read).isEqualTo(new ConnectionDataMessage("c", new byte[] {7},
                ServiceExtensions.NONE.withTracingId(42L)));
    }

    @Test
    void aTracingIdAboveTheSignedRangeKeepsItsBits() {
        ServiceExtensions extensions = ServiceExtensions.NONE.withTracingId(-1L);
        JoinGroupMessage message = new JoinGroupMessage("c", "g", extensions);
        byte[] body = ServiceProtocol.writeBody(message);

        assertThat(ServiceVectors.hex(body)).endsWith("8101cfffffffffffffffff");
        assertThat(ServiceProtocol.parseBody(body)).isEqualTo(message);
    }

    @Test
    void everyExtensionRoundTripsInKeyOrder() {
        ServiceExtensions all = new ServiceExtensions(1234L, 60, "json", "userId eq 'a'", 3, true);
        OpenConnectionMessage message = new OpenConnectionMessage("c", List.of(new ServiceClaim("role", "a"),
                new ServiceClaim("role", "b")), Map.of("X", List.of("1", "2")), "a=b", all);
        byte[] body = ServiceProtocol.writeBody(message);

        assertThat(ServiceVectors.hex(body)).contains("8601cd04d2023c03a46a736f6e04ad");
        assertThat(ServiceProtocol.parseBody(body)).isEqualTo(message);
        assertThat(((OpenConnectionMessage) ServiceProtocol.parseBody(body)).claims())
                .extracting(ServiceClaim::value).containsExactly("a", "b");
    }

    @Test
    void unknownDataTypeAndFalsePartialAreNotWritten() {
        ServiceExtensions extensions = new ServiceExtensions(null, null, null, null, 0, false);
        assertThat(extensions).isEqualTo(ServiceExtensions.NONE);
        assertThat(extensions.isEmpty()).isTrue();
    }

    @Test
    void aDefaultConnectionWritesAnEmptyTarget() {
        HandshakeRequestMessage request = new HandshakeRequestMessage(1, ServiceConnectionType.DEFAULT.code(), "ignored",
                MigrationLevel.OFF.code(), null, false);
        assertThat(ServiceVectors.hex(ServiceProtocol.writeBody(request))).isEqualTo("97010100a00080c2");
    }

    @Test
    void aClientCompletionCarriesItsProtocolAsExtensionToo() {
        ClientCompletionMessage completion = new ClientCompletionMessage("i", "c", "s", "messagepack", new byte[] {1},
                ServiceExtensions.NONE);
        assertThat(completion.extensions().protocol()).isEqualTo("messagepack");
    }

    @Test
    void flowControlRejectsNumbersItDoesNotKnow() throws IOException {
        MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
        packer.packArrayHeader(5).packInt(39).packString("c").packInt(1).packInt(9).packMapHeader(0);
        assertThatThrownBy(() -> ServiceProtocol.parseBody(packer.toByteArray()))
                .isInstanceOf(ServiceProtocolException.class).hasMessageContaining("FlowControlOperation 9");
    }

    @Test
    void pingValuesAreFoundByKey() {
        PingMessage ping = PingMessage.of("target", "instance-1", "status", "1");
        assertThat(ping.value("status")).isEqualTo("1");
        assertThat(ping.value("instance-1")).isNull();
        assertThat(PingMessage.KEEP_ALIVE.isKeepAlive()).isTrue();
    }

    @Test
    void longContainersAndStringsUseTheWiderForms() {
        List<String> many = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "c" + i).toList();
        String longName = "g".repeat(300);
        CloseGroupConnectionsWithAckMessage message = new CloseGroupConnectionsWithAckMessage(longName, "x".repeat(40),
                70000, many, ServiceExtensions.NONE);
        String hex = ServiceVectors.hex(ServiceProtocol.writeBody(message));

        assertThat(hex).startsWith("9621da012c");
        assertThat(hex).contains("d928" + "78".repeat(40) + "ce00011170dc0014");
        assertThat(ServiceProtocol.parseBody(ServiceVectors.hex(hex))).isEqualTo(message);
    }
}
