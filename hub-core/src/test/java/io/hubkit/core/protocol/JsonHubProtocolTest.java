package io.hubkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JSON behaviour beyond the vectors: after an argument fails to bind deep inside an object, the
 * parser resumes at the right place — whether the arguments were bound as they streamed past or
 * buffered because they came before the target — so the properties after them still count.
 */
class JsonHubProtocolTest {

    private static final JsonHubProtocol PROTOCOL = new JsonHubProtocol();
    private static final List<Type> TYPES = List.of(VectorValues.parameterized(CustomObject.class, Instant.class), Integer.class);
    /** {@code intProp} cannot bind: the failure happens on the array's first token, with the rest still to come. */
    private static final String BAD_OBJECT = "{\"stringProp\":\"s\",\"intProp\":[1,{\"deep\":[2,[3]]}],\"doubleProp\":1.5}";

    @Test
    void resumesAfterAFailureDeepInsideAnArgumentBoundWhileStreaming() {
        String input = "{\"target\":\"M\",\"arguments\":[" + BAD_OBJECT + ",5],\"invocationId\":\"7\",\"headers\":{\"h\":\"v\"},\"type\":1}\u001e";

        HubMessage parsed = parse(input);

        VectorAssertions.assertBindingFailure(parsed, "7", "M", false, ProtocolErrors.BINDING_ARGUMENTS);
        assertThat(((InvocationBindingFailureMessage) parsed).headers()).isEqualTo(Map.of("h", "v"));
    }

    @Test
    void resumesAfterAFailureDeepInsideAnArgumentBoundFromTheBuffer() {
        String input = "{\"arguments\":[" + BAD_OBJECT + ",5],\"type\":4,\"invocationId\":\"8\",\"target\":\"M\"}\u001e";

        VectorAssertions.assertBindingFailure(parse(input), "8", "M", true, ProtocolErrors.BINDING_ARGUMENTS);
    }

    @Test
    void bindsArgumentsWhicheverOrderThePropertiesCome() {
        String object = "{\"stringProp\":\"s\",\"intProp\":3,\"dateTimeProp\":\"2000-01-01T00:00:00Z\"}";
        for (String input : List.of(
                "{\"type\":1,\"invocationId\":\"1\",\"target\":\"M\",\"arguments\":[" + object + ",5]}\u001e",
                "{\"arguments\":[" + object + ",5],\"target\":\"M\",\"invocationId\":\"1\",\"type\":1}\u001e")) {
            InvocationMessage parsed = (InvocationMessage) parse(input);
            CustomObject<?> first = (CustomObject<?>) parsed.arguments().get(0);
            assertThat(first.intProp).isEqualTo(3);
            assertThat(first.dateTimeProp).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
            assertThat(parsed.arguments().get(1)).isEqualTo(5);
        }
    }

    @Test
    void anEmptyInvocationIdMeansNonBlocking() {
        InvocationMessage parsed = (InvocationMessage) parse(
                "{\"type\":1,\"invocationId\":\"\",\"target\":\"M\",\"arguments\":[null,1]}\u001e");

        assertThat(parsed.invocationId()).isNull();
    }

    @Test
    void aMalformedArgumentIsAProtocolErrorNotABindingFailure() {
        String input = "{\"type\":1,\"invocationId\":\"1\",\"target\":\"M\",\"arguments\":[{\"stringProp\":tru},5]}\u001e";

        assertThatThrownBy(() -> parse(input))
                .isInstanceOf(HubProtocolException.class)
                .hasMessage("Error reading JSON.");
    }

    private static HubMessage parse(String input) {
        ByteBuffer buffer = ByteBuffer.wrap(input.getBytes(StandardCharsets.UTF_8));
        HubMessage message = PROTOCOL.parseMessage(buffer, new VectorBinder(TYPES, Object.class));
        assertThat(buffer.hasRemaining()).isFalse();
        return message;
    }
}
