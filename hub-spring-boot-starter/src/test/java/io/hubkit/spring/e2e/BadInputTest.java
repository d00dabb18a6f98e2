package io.hubkit.spring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.spring.test.NodeClient;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Raw WebSocket peers send what no official client would — a garbage handshake, an unknown protocol,
 * malformed JSON and MessagePack, an unknown message type, oversized messages — and each gets the
 * documented answer, while an official-client connection on the same server keeps working.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAXIMUM_MESSAGE_SIZE = 32768;
    private static final Map<String, Object> CLOSE_WITH_ERROR = Map.of(
            "type", 7, "error", "Connection closed with an error.", "allowReconnect", true);

    @LocalServerPort
    int port;

    @Test
    void badInputIsAnsweredAndLeavesOtherConnectionsAlone() {
        JsonNode r = NodeClient.create().run("bad-input.js", "http://127.0.0.1:" + port,
                String.valueOf(MAXIMUM_MESSAGE_SIZE));
        JsonNode cases = r.path("cases");

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(messages(cases.path("garbageHandshake"))).isEqualTo(List.of(
                Map.of("handshake", Map.of("error", "An unexpected error occurred during connection handshake."))));
        soft.assertThat(closeCode(cases.path("garbageHandshake"))).isEqualTo(1000);

        soft.assertThat(messages(cases.path("unknownProtocol"))).isEqualTo(List.of(
                Map.of("handshake", Map.of("error", "The protocol 'carrier-pigeon' is not supported."))));
        soft.assertThat(closeCode(cases.path("unknownProtocol"))).isEqualTo(1000);

        soft.assertThat(messages(cases.path("malformedJson")))
                .isEqualTo(List.of(Map.of("handshake", Map.of()), CLOSE_WITH_ERROR));
        soft.assertThat(closeCode(cases.path("malformedJson"))).isEqualTo(1000);

        soft.assertThat(messages(cases.path("malformedMessagePack"))).isEqualTo(List.of(
                Map.of("handshake", Map.of()), List.of(7, "Connection closed with an error.", true)));
        soft.assertThat(closeCode(cases.path("malformedMessagePack"))).isEqualTo(1000);

        soft.assertThat(messages(cases.path("unknownMessageType"))).as("an unknown type is skipped")
                .contains(Map.of("type", 3, "invocationId", "1", "result", "still here"))
                .noneMatch(message -> message instanceof Map<?, ?> map && Integer.valueOf(7).equals(map.get("type")));

        soft.assertThat(messages(cases.path("oversizedMessage")))
                .isEqualTo(List.of(Map.of("handshake", Map.of()), CLOSE_WITH_ERROR));
        soft.assertThat(closeCode(cases.path("oversizedMessage"))).isEqualTo(1000);
        soft.assertThat(messages(cases.path("oversizedWithoutSeparator")))
                .isEqualTo(List.of(Map.of("handshake", Map.of()), CLOSE_WITH_ERROR));
        soft.assertThat(closeCode(cases.path("oversizedWithoutSeparator"))).isEqualTo(1000);

        r.path("healthyAfter").fields().forEachRemaining(entry ->
                soft.assertThat(entry.getValue().asText()).as("official client after %s", entry.getKey())
                        .isEqualTo("after " + entry.getKey()));
        soft.assertThat(r.path("healthyAfter").size()).isEqualTo(cases.size());
        soft.assertThat(r.path("freshConnection").asText()).isEqualTo("fresh");
        soft.assertAll();
        assertThat(cases.size()).isEqualTo(7);
    }

    /** What the server sent, without the test hub's OnConnected greeting (JSON or MessagePack invocation of "welcome"). */
    private static List<Object> messages(JsonNode sessionResult) {
        List<Object> messages = JSON.convertValue(sessionResult.path("messages"),
                JSON.getTypeFactory().constructCollectionType(List.class, Object.class));
        return messages.stream().filter(message -> !isWelcome(message)).toList();
    }

    private static boolean isWelcome(Object message) {
        if (message instanceof Map<?, ?> json) {
            return "welcome".equals(json.get("target"));
        }
        return message instanceof List<?> msgpack && msgpack.size() > 3 && "welcome".equals(msgpack.get(3));
    }

    private static int closeCode(JsonNode sessionResult) {
        return sessionResult.path("close").path("code").asInt();
    }
}
