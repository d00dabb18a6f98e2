package io.hubkit.backplane.service.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of the Azure SignalR protocol tests: decoded from the vector's bytes into exactly
 * the fields the vector lists, and — for the current (non-legacy) forms — encoded back into exactly
 * the vector's bytes.
 */
class ServiceProtocolVectorTest {

    static Stream<Arguments> messages() {
        return ServiceVectors.section("messages").map(v -> Arguments.of(v.get("name").asText()
                + (v.get("legacy").asBoolean() ? " (legacy)" : ""), v));
    }

    static Stream<Arguments> currentMessages() {
        return messages().filter(arguments -> !((JsonNode) arguments.get()[1]).get("legacy").asBoolean());
    }

    @Test
    void theVectorsHoldAllMessagesOfEveryType() {
        assertThat(ServiceVectors.section("messages").count()).isEqualTo(125);
        assertThat(ServiceVectors.section("messages").map(v -> v.get("type_id").asInt()).distinct().count())
                .isEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void decodesTheFramedBytesIntoTheVectorFields(String name, JsonNode vector) {
        ServiceMessage expected = VectorMessages.fromJson(vector.get("message"));

        List<ServiceMessage> read = new ServiceMessageReader().read(ByteBuffer.wrap(
                ServiceVectors.hex(vector.get("framed_hex").asText())));

        assertThat(read).containsExactly(expected);
        assertThat(read.get(0).typeId()).isEqualTo(vector.get("type_id").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void decodesTheUnframedBody(String name, JsonNode vector) {
        ServiceMessage expected = VectorMessages.fromJson(vector.get("message"));

        assertThat(ServiceProtocol.parseBody(ServiceVectors.hex(vector.get("hex").asText()))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void decodesWhenTheBytesArriveOneAtATime(String name, JsonNode vector) {
        byte[] framed = ServiceVectors.hex(vector.get("framed_hex").asText());
        ServiceMessageReader reader = new ServiceMessageReader();
        List<ServiceMessage> read = new ArrayList<>();
        for (byte b : framed) {
            read.addAll(reader.read(ByteBuffer.wrap(new byte[] {b})));
        }

        assertThat(read).containsExactly(VectorMessages.fromJson(vector.get("message")));
        assertThat(reader.bufferedBytes()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentMessages")
    void encodesExactlyTheVectorBytes(String name, JsonNode vector) {
        ServiceMessage message = VectorMessages.fromJson(vector.get("message"));

        assertThat(ServiceVectors.hex(ServiceProtocol.writeBody(message))).isEqualTo(vector.get("hex").asText());
        assertThat(ServiceVectors.hex(bytes(ServiceProtocol.write(message))))
                .isEqualTo(vector.get("framed_hex").asText());
    }

    @Test
    void readsAllVectorsFromOneStream() {
        ByteBuffer stream = ByteBuffer.wrap(ServiceVectors.section("messages")
                .map(v -> v.get("framed_hex").asText()).reduce("", String::concat).transform(ServiceVectors::hex));

        List<ServiceMessage> read = new ServiceMessageReader().read(stream);

        assertThat(read).containsExactlyElementsOf(ServiceVectors.section("messages")
                .map(v -> VectorMessages.fromJson(v.get("message"))).toList());
        assertThat(stream.hasRemaining()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void namedEnumValuesMatchTheNumbers(String name, JsonNode vector) {
        JsonNode message = vector.get("message");
        if (message.has("typeName")) {
            assertThat(ServiceEventObjectType.of(message.get("type").asInt()).name())
                    .isEqualTo(VectorMessages.constantName(message.get("typeName").asText()));
            assertThat(ServiceEventKind.of(message.get("eventKind").asInt()).name())
                    .isEqualTo(VectorMessages.constantName(message.get("eventKindName").asText()));
        }
        if (message.has("operationName")) {
            assertThat(FlowControlOperation.of(message.get("operation").asInt()).name())
                    .isEqualTo(VectorMessages.constantName(message.get("operationName").asText()));
            assertThat(FlowControlConnectionType.of(message.get("connectionType").asInt()).name())
                    .isEqualTo(VectorMessages.constantName(message.get("connectionTypeName").asText()));
        }
    }

    @Test
    void enumNumbersMatchTheVectorTables() {
        JsonNode enums = ServiceVectors.node("enums");
        assertEnum(enums.get("HandshakeRequest.connectionType"), ServiceConnectionType.values());
        assertEnum(enums.get("HandshakeRequest.migrationLevel"), MigrationLevel.values());
        assertEnum(enums.get("DataMessageType"), DataMessageType.values());
        assertEnum(enums.get("ServiceEventObjectType"), ServiceEventObjectType.values());
        assertEnum(enums.get("ServiceEventKind"), ServiceEventKind.values());
        assertEnum(enums.get("ConnectionFlowControlOperation"), FlowControlOperation.values());
        assertEnum(enums.get("ConnectionFlowControlMessage.ConnectionType"), FlowControlConnectionType.values());
    }

    @Test
    void largeDataIsFramedAsTheFramingExampleSays() {
        JsonNode example = ServiceVectors.node("framing_examples").get(0);
        byte[] payload = new byte[70000];
        java.util.Arrays.fill(payload, (byte) 0x61);
        ConnectionDataMessage message = new ConnectionDataMessage("abc", payload, ServiceExtensions.NONE);

        byte[] framed = bytes(ServiceProtocol.write(message));

        String prefix = example.get("prefix_hex").asText();
        String head = example.get("body_head_hex").asText();
        String tail = example.get("body_tail_hex").asText();
        int bodyLength = example.get("body_length").asInt();
        assertThat(framed).hasSize(prefix.length() / 2 + bodyLength);
        String framedHex = ServiceVectors.hex(framed);
        assertThat(framedHex).startsWith(prefix + head).endsWith(tail);
        assertThat(new ServiceMessageReader().read(ByteBuffer.wrap(framed))).containsExactly(message);
    }

    private static void assertEnum(JsonNode table, Enum<?>[] values) {
        List<String> expected = new ArrayList<>();
        table.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("derived")) {
                expected.add(VectorMessages.constantName(e.getKey()) + "=" + e.getValue().asInt());
            }
        });
        List<String> actual = new ArrayList<>();
        for (Enum<?> value : values) {
            actual.add(value.name() + "=" + code(value));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static int code(Enum<?> value) {
        try {
            return (int) value.getClass().getMethod("code").invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
