package io.hubkit.core.protocol;

import static io.hubkit.core.protocol.HubProtocolVectors.flag;
import static io.hubkit.core.protocol.HubProtocolVectors.text;
import static io.hubkit.core.protocol.VectorAssertions.assertBindingFailure;
import static io.hubkit.core.protocol.VectorAssertions.assertSameMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every entry of the {@code json} and {@code json_invalid} vector sections, against
 * {@link JsonHubProtocol}: writing gives exactly the official text, parsing the text (and each
 * alternative it {@code accepts}) gives the described message, invalid input gives exactly the
 * official error or binding failure. Skipped cases are listed in {@link VectorSkips}.
 */
class JsonHubProtocolVectorTest {

    private static final Map<String, JsonHubProtocol> PROTOCOLS = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> json() {
        VectorCases cases = new VectorCases("json");
        for (JsonNode entry : HubProtocolVectors.section("json")) {
            String name = entry.get("name").asText();
            if (flag(entry, "write")) {
                cases.add(name, VectorSkips.Part.WRITE, name + " / write", () -> assertWrites(entry));
            }
            if (flag(entry, "parse")) {
                List<String> inputs = parseInputs(entry);
                for (int i = 0; i < inputs.size(); i++) {
                    String input = inputs.get(i);
                    cases.add(name, VectorSkips.Part.PARSE, name + " / parse #" + i, () -> assertParses(entry, input));
                }
            }
        }
        return cases.stream();
    }

    @TestFactory
    Stream<DynamicTest> jsonInvalid() {
        VectorCases cases = new VectorCases("json_invalid");
        for (JsonNode entry : HubProtocolVectors.section("json_invalid")) {
            String name = entry.get("name").asText();
            cases.add(name, VectorSkips.Part.PARSE, name + " / " + entry.get("kind").asText(), () -> assertInvalid(entry));
        }
        return cases.stream();
    }

    private static void assertWrites(JsonNode entry) {
        byte[] written = protocol(entry).writeMessage(VectorMessages.message(entry.get("message")));
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(entry.get("text").asText());
        if (entry.has("expected_size")) {
            assertThat(written).hasSize(entry.get("expected_size").intValue());
        }
    }

    private static void assertParses(JsonNode entry, String input) {
        JsonHubProtocol protocol = protocol(entry);
        JsonNode m = entry.get("message");
        ByteBuffer buffer = utf8(input);
        HubMessage actual = protocol.parseMessage(buffer, VectorMessages.binder(entry));
        assertThat(buffer.hasRemaining()).as("whole record consumed").isFalse();

        if (m.has("error_prefix")) {
            assertThat(actual).isInstanceOf(CompletionMessage.class);
            CompletionMessage completion = (CompletionMessage) actual;
            assertThat(completion.invocationId()).isEqualTo(text(m, "invocationId"));
            assertThat(completion.error()).startsWith(m.get("error_prefix").asText());
            assertThat(completion.hasResult()).isFalse();
            assertThat(completion.result()).isNull();
            return;
        }
        int expectedParameters = declaredParameterCount(entry);
        if (expectedParameters >= 0 && m.has("arguments") && m.get("arguments").size() != expectedParameters) {
            // the binder disagrees with the message: the official parser reports a binding failure
            assertBindingFailure(actual, text(m, "invocationId"), text(m, "target"), m.get("type").intValue() == 4,
                    "Invocation provides " + m.get("arguments").size() + " argument(s) but target expects "
                            + expectedParameters + ".");
            return;
        }
        HubMessage expected = VectorMessages.message(m);
        assertSameMessage(actual, expected);
        if (expected instanceof CompletionMessage c && c.result() instanceof RawResult) {
            assertRawResultRoundTrip(entry, protocol, actual);
        }
    }

    /** A raw result is written back verbatim, and the rewritten text binds to the real type. */
    private static void assertRawResultRoundTrip(JsonNode entry, JsonHubProtocol protocol, HubMessage parsed) {
        byte[] rewritten = protocol.writeMessage(parsed);
        assertThat(new String(rewritten, StandardCharsets.UTF_8)).isEqualTo(entry.get("text").asText());
        VectorValues.Typed typed = VectorValues.typed(entry.get("typed_result"));
        HubMessage reparsed = protocol.parseMessage(ByteBuffer.wrap(rewritten), new VectorBinder(List.of(), typed.type()));
        assertThat(((CompletionMessage) reparsed).result()).isEqualTo(typed.value());
    }

    private static void assertInvalid(JsonNode entry) throws IOException {
        JsonHubProtocol protocol = new JsonHubProtocol();
        String input = entry.get("text").asText();
        VectorBinder binder = VectorMessages.binder(entry);
        if ("exception".equals(entry.get("kind").asText())) {
            assertThatThrownBy(() -> protocol.parseMessage(utf8(input), binder))
                    .isInstanceOf(HubProtocolException.class)
                    .hasMessage(entry.get("error").asText());
            return;
        }
        JsonNode sent = new ObjectMapper().readTree(input.substring(0, input.indexOf(TextMessageFraming.RECORD_SEPARATOR)));
        HubMessage actual = protocol.parseMessage(utf8(input), binder);
        assertBindingFailure(actual, text(sent, "invocationId"), text(sent, "target"), sent.get("type").intValue() == 4,
                text(entry, "error"));
    }

    private static List<String> parseInputs(JsonNode entry) {
        List<String> inputs = new ArrayList<>();
        if (text(entry, "text") != null) {
            inputs.add(entry.get("text").asText());
        }
        if (entry.has("accepts")) {
            entry.get("accepts").forEach(accepted -> inputs.add(accepted.asText()));
        }
        return inputs;
    }

    private static int declaredParameterCount(JsonNode entry) {
        JsonNode binder = entry.get("binder");
        return binder != null && binder.isObject() && binder.has("parameterTypes") ? binder.get("parameterTypes").size() : -1;
    }

    /** The protocol with the payload settings an entry's {@code serializer} names. */
    static JsonHubProtocol protocol(JsonNode entry) {
        JsonNode serializer = entry.get("serializer");
        return PROTOCOLS.computeIfAbsent(serializer.toString(), key -> {
            if (serializer.isTextual()) {
                return new JsonHubProtocol();
            }
            ObjectMapper mapper = serializer.get("camelCase").booleanValue()
                    ? JsonHubProtocol.defaultPayloadMapper()
                    : JsonHubProtocol.pascalCasePayloadMapper();
            if (serializer.get("ignoreNullValues").booleanValue()) {
                mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
            }
            return new JsonHubProtocol(mapper);
        });
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
