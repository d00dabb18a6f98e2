package io.hubkit.core.protocol;

import static io.hubkit.core.protocol.HubProtocolVectors.flag;
import static io.hubkit.core.protocol.HubProtocolVectors.hex;
import static io.hubkit.core.protocol.HubProtocolVectors.text;
import static io.hubkit.core.protocol.VectorAssertions.assertBindingFailure;
import static io.hubkit.core.protocol.VectorAssertions.assertSameMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.ByteBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every entry of the {@code messagepack} and {@code messagepack_invalid} vector sections, against
 * {@link MessagePackHubProtocol}: writing gives exactly the official bytes (length prefix
 * included), parsing them gives the described message, invalid input gives exactly the official
 * error or binding failure.
 *
 * <p>The .NET fixture objects are keyed by their C# property names (PascalCase); the Java fixture
 * classes use Java names, so the payload mapper here gets PascalCase naming — what a Java
 * application talking to .NET clients configures too.
 */
class MessagePackHubProtocolVectorTest {

    private static final Pattern BINDING_NOTE = Pattern.compile("invocationId '([^']*)', target '([^']*)'");

    private static final MessagePackHubProtocol PROTOCOL = new MessagePackHubProtocol(pascalCaseMapper());

    @TestFactory
    Stream<DynamicTest> messagepack() {
        VectorCases cases = new VectorCases("messagepack");
        for (JsonNode entry : HubProtocolVectors.section("messagepack")) {
            String name = entry.get("name").asText();
            if (flag(entry, "write")) {
                cases.add(name, VectorSkips.Part.WRITE, name + " / write", () -> assertWrites(entry));
            }
            if (flag(entry, "parse")) {
                cases.add(name, VectorSkips.Part.PARSE, name + " / parse", () -> assertParses(entry));
            }
        }
        return cases.stream();
    }

    @TestFactory
    Stream<DynamicTest> messagepackInvalid() {
        VectorCases cases = new VectorCases("messagepack_invalid");
        for (JsonNode entry : HubProtocolVectors.section("messagepack_invalid")) {
            String name = entry.get("name").asText();
            cases.add(name, VectorSkips.Part.PARSE, name + " / " + entry.get("kind").asText(), () -> assertInvalid(entry));
        }
        return cases.stream();
    }

    private static void assertWrites(JsonNode entry) {
        byte[] written = PROTOCOL.writeMessage(VectorMessages.message(entry.get("message")));
        assertThat(hex(written)).isEqualTo(entry.get("hex").asText());
        if (entry.has("expected_size")) {
            assertThat(written).hasSize(entry.get("expected_size").intValue());
        }
    }

    private static void assertParses(JsonNode entry) {
        ByteBuffer input = ByteBuffer.wrap(hex(entry.get("hex").asText()));
        HubMessage actual = PROTOCOL.parseMessage(input, VectorMessages.binder(entry));
        assertThat(input.hasRemaining()).as("whole frame consumed").isFalse();
        assertSameMessage(actual, VectorMessages.message(entry.get("message")));
    }

    private static void assertInvalid(JsonNode entry) {
        ByteBuffer input = ByteBuffer.wrap(hex(entry.get("hex").asText()));
        VectorBinder binder = VectorMessages.binder(entry);
        if ("exception".equals(entry.get("kind").asText())) {
            assertThatThrownBy(() -> PROTOCOL.parseMessage(input, binder))
                    .isInstanceOf(HubProtocolException.class)
                    .hasMessage(entry.get("error").asText());
            return;
        }
        Matcher note = BINDING_NOTE.matcher(entry.get("note").asText());
        assertThat(note.find()).as("binding failure note names the invocation").isTrue();
        HubMessage actual = PROTOCOL.parseMessage(input, binder);
        boolean streaming = hex(entry.get("hex").asText())[2] == HubMessageType.STREAM_INVOCATION;
        assertBindingFailure(actual, note.group(1), note.group(2), streaming, text(entry, "error"));
        assertThat(input.hasRemaining()).as("whole frame consumed").isFalse();
    }

    static ObjectMapper pascalCaseMapper() {
        ObjectMapper mapper = MessagePackHubProtocol.defaultPayloadMapper();
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE);
        return mapper;
    }
}
