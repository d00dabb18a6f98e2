package io.hubkit.core.protocol;

import static io.hubkit.core.protocol.HubProtocolVectors.flag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every entry of the {@code handshake} vector section against {@link HandshakeProtocol}: valid
 * requests and responses parse (also when fed one byte more at a time), invalid ones fail with
 * the official text, an incomplete record waits, and the writers produce the official text.
 */
class HandshakeProtocolVectorTest {

    @TestFactory
    Stream<DynamicTest> handshake() {
        VectorCases cases = new VectorCases("handshake");
        for (JsonNode entry : HubProtocolVectors.section("handshake")) {
            String name = entry.get("name").asText();
            cases.add(name, VectorSkips.Part.PARSE, name + " / parse", () -> assertParses(entry));
            if (flag(entry, "write")) {
                cases.add(name, VectorSkips.Part.WRITE, name + " / write", () -> assertWrites(entry));
            }
        }
        return cases.stream();
    }

    private static void assertParses(JsonNode entry) {
        boolean request = "request".equals(entry.get("direction").asText());
        Function<ByteBuffer, Object> parser = request ? HandshakeProtocol::parseRequest : HandshakeProtocol::parseResponse;
        byte[] input = entry.get("text").asText().getBytes(StandardCharsets.UTF_8);
        if (!entry.get("valid").asBoolean()) {
            assertThatThrownBy(() -> parser.apply(ByteBuffer.wrap(input)))
                    .isInstanceOf(HubProtocolException.class)
                    .hasMessage(entry.get("error").asText());
            return;
        }
        if (entry.has("complete") && !entry.get("complete").asBoolean()) {
            ByteBuffer buffer = ByteBuffer.wrap(input);
            assertThat(parser.apply(buffer)).isNull();
            assertThat(buffer.position()).isZero();
            return;
        }
        // fed as it might arrive, one more byte each time: nothing until the separator is there
        for (int length = 0; length < input.length; length++) {
            ByteBuffer partial = ByteBuffer.wrap(Arrays.copyOf(input, length));
            assertThat(parser.apply(partial)).as("after %d bytes", length).isNull();
            assertThat(partial.position()).isZero();
        }
        ByteBuffer whole = ByteBuffer.wrap(input);
        Object parsed = parser.apply(whole);
        assertThat(whole.hasRemaining()).isFalse();
        assertThat(parsed).isEqualTo(expected(entry, request));
    }

    private static void assertWrites(JsonNode entry) {
        boolean request = "request".equals(entry.get("direction").asText());
        byte[] written = request
                ? HandshakeProtocol.writeRequest((HandshakeRequestMessage) expected(entry, true))
                : HandshakeProtocol.writeResponse((HandshakeResponseMessage) expected(entry, false));
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(entry.get("text").asText());
    }

    private static Object expected(JsonNode entry, boolean request) {
        JsonNode parsed = entry.get("parsed");
        return request
                ? new HandshakeRequestMessage(parsed.get("protocol").asText(), parsed.get("version").intValue())
                : new HandshakeResponseMessage(HubProtocolVectors.text(parsed, "error"));
    }

    @Test
    void hubMessagesMayFollowTheRequestInTheSameBuffer() {
        byte[] request = HandshakeProtocol.writeRequest(new HandshakeRequestMessage("json", 1));
        byte[] ping = new JsonHubProtocol().writeMessage(PingMessage.INSTANCE);
        ByteBuffer buffer = ByteBuffer.allocate(request.length + ping.length).put(request).put(ping).flip();

        assertThat(HandshakeProtocol.parseRequest(buffer)).isEqualTo(new HandshakeRequestMessage("json", 1));
        assertThat(buffer.position()).isEqualTo(request.length);
        assertThat(new JsonHubProtocol().parseMessage(buffer, new VectorBinder(null, null))).isEqualTo(PingMessage.INSTANCE);
    }

    @Test
    void anEmptyErrorIsASuccessAndIsWrittenAsOne() {
        assertThat(new HandshakeResponseMessage("").isSuccess()).isTrue();
        assertThat(new HandshakeResponseMessage("x").isSuccess()).isFalse();
        assertThat(HandshakeProtocol.writeResponse(new HandshakeResponseMessage("")))
                .isEqualTo(HandshakeProtocol.writeResponse(HandshakeResponseMessage.SUCCESS));
    }

    @Test
    void malformedJsonIsReportedAsSuch() {
        ByteBuffer input = ByteBuffer.wrap("{\"protocol\":\u001e".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> HandshakeProtocol.parseRequest(input))
                .isInstanceOf(HubProtocolException.class)
                .hasMessage("Error reading JSON.");
    }
}
