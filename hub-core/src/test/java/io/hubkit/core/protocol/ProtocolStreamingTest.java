package io.hubkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both protocols parse a byte stream, not transport frames: several messages in one buffer, a
 * message cut anywhere across two buffers, direct buffers, unknown message types skipped, and a
 * message that fails to bind leaving the ones after it intact.
 */
class ProtocolStreamingTest {

    private static final InvocationBinder BINDER = new VectorBinder(List.of(String.class, Integer.class), Object.class);

    static Stream<HubProtocol> protocols() {
        return Stream.of(new JsonHubProtocol(), new MessagePackHubProtocol());
    }

    private static List<HubMessage> sample() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("traceparent", "00-abc-def-01");
        headers.put("a", "b");
        return List.of(
                new InvocationMessage("1", "Send", List.of("hello", 42), null, headers),
                new StreamInvocationMessage("2", "Counter", List.of("x", 3), List.of("7"), Map.of()),
                new StreamItemMessage("7", "item"),
                CompletionMessage.withResult("s1", "done"),
                CompletionMessage.withError("3", "Whoops"),
                CompletionMessage.empty("4"),
                new CancelInvocationMessage("2"),
                PingMessage.INSTANCE,
                new AckMessage(12),
                new SequenceMessage(13),
                new CloseMessage("bye", true));
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void readsEveryMessageOfOneBuffer(HubProtocol protocol) {
        ByteBuffer buffer = ByteBuffer.wrap(concat(protocol, sample()));

        List<HubMessage> parsed = new ArrayList<>();
        HubMessage message;
        while ((message = protocol.parseMessage(buffer, BINDER)) != null) {
            parsed.add(message);
        }

        assertThat(parsed).isEqualTo(sample());
        assertThat(buffer.hasRemaining()).isFalse();
        assertThat(List.copyOf(((HubInvocationMessage) parsed.get(0)).headers().keySet())).containsExactly("traceparent", "a");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void waitsForTheRestOfAMessageCutAnywhere(HubProtocol protocol) {
        HubMessage expected = sample().get(0);
        byte[] whole = protocol.writeMessage(expected);
        for (int cut = 0; cut < whole.length; cut++) {
            ByteBuffer first = ByteBuffer.wrap(Arrays.copyOf(whole, cut));
            assertThat(protocol.parseMessage(first, BINDER)).as("after %d of %d bytes", cut, whole.length).isNull();
            assertThat(first.position()).isZero();

            ByteBuffer joined = ByteBuffer.allocate(whole.length).put(first).put(whole, cut, whole.length - cut).flip();
            assertThat(protocol.parseMessage(joined, BINDER)).isEqualTo(expected);
            assertThat(joined.hasRemaining()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void readsDirectBuffersAndBuffersAtAnOffset(HubProtocol protocol) {
        byte[] bytes = concat(protocol, sample());
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length + 3);
        direct.put(new byte[] {9, 9, 9}).put(bytes).flip().position(3);
        ByteBuffer sliced = ByteBuffer.wrap(concat(new byte[] {9, 9}, bytes)).position(2).slice();

        for (ByteBuffer buffer : List.of(direct, sliced)) {
            List<HubMessage> parsed = new ArrayList<>();
            HubMessage message;
            while ((message = protocol.parseMessage(buffer, BINDER)) != null) {
                parsed.add(message);
            }
            assertThat(parsed).isEqualTo(sample());
        }
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void skipsMessagesOfUnknownTypes(HubProtocol protocol) {
        byte[] unknown = protocol instanceof JsonHubProtocol
                ? "{\"type\":99,\"future\":[1,{\"x\":2}]}\u001e".getBytes(StandardCharsets.UTF_8)
                : BinaryMessageFraming.frame(new byte[] {(byte) 0x93, 99, (byte) 0xc3, 0x01});
        ByteBuffer buffer = ByteBuffer.wrap(concat(unknown, protocol.writeMessage(PingMessage.INSTANCE), unknown));

        assertThat(protocol.parseMessage(buffer, BINDER)).isEqualTo(PingMessage.INSTANCE);
        assertThat(protocol.parseMessage(buffer, BINDER)).isNull();
        assertThat(buffer.hasRemaining()).as("a trailing unknown record is consumed too").isFalse();
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void aMessageThatDoesNotBindLeavesTheNextOnesIntact(HubProtocol protocol) {
        InvocationBinder binder = new VectorBinder(List.<Type>of(Integer.class), Object.class);
        byte[] mismatched = protocol.writeMessage(new InvocationMessage("1", "Add", List.of("not a number"), null, Map.of()));
        byte[] matching = protocol.writeMessage(new InvocationMessage("2", "Add", List.of(5), null, Map.of()));
        ByteBuffer buffer = ByteBuffer.wrap(concat(mismatched, matching));

        HubMessage failure = protocol.parseMessage(buffer, binder);
        assertThat(failure).isInstanceOf(InvocationBindingFailureMessage.class);
        assertThat(((InvocationBindingFailureMessage) failure).failure()).hasMessage(ProtocolErrors.BINDING_ARGUMENTS);
        assertThat(((InvocationBindingFailureMessage) failure).invocationId()).isEqualTo("1");
        assertThat(protocol.parseMessage(buffer, binder)).isEqualTo(new InvocationMessage("2", "Add", List.of(5), null, Map.of()));
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void anUnknownTargetIsABindingFailureWithTheBindersText(HubProtocol protocol) {
        InvocationBinder binder = new VectorBinder(null, Object.class);
        byte[] call = protocol.writeMessage(new StreamInvocationMessage("9", "Nope", List.of(1, 2), null, Map.of()));

        HubMessage failure = protocol.parseMessage(ByteBuffer.wrap(call), binder);

        VectorAssertions.assertBindingFailure(failure, "9", "Nope", true, "Method does not exist.");
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void aStreamItemThatDoesNotBindIsAStreamBindingFailure(HubProtocol protocol) {
        InvocationBinder binder = new VectorBinder(List.of(), Integer.class);
        Map<String, String> headers = Map.of("h", "v");
        byte[] item = protocol.writeMessage(new StreamItemMessage("5", "text", headers));

        HubMessage failure = protocol.parseMessage(ByteBuffer.wrap(item), binder);

        assertThat(failure).isInstanceOf(StreamBindingFailureMessage.class);
        StreamBindingFailureMessage f = (StreamBindingFailureMessage) failure;
        assertThat(f.invocationId()).isEqualTo("5");
        assertThat(f.headers()).isEqualTo(headers);
        assertThat(f.failure().getMessage()).startsWith(ProtocolErrors.BINDING_STREAM_ITEM);
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void aClientResultOfTheWrongTypeBecomesAnErrorCompletion(HubProtocol protocol) {
        InvocationBinder binder = new VectorBinder(List.of(), Integer.class);
        byte[] completion = protocol.writeMessage(CompletionMessage.withResult("s3", "string"));

        CompletionMessage parsed = (CompletionMessage) protocol.parseMessage(ByteBuffer.wrap(completion), binder);

        assertThat(parsed.invocationId()).isEqualTo("s3");
        assertThat(parsed.error()).startsWith("Error trying to deserialize result to Int32. ");
        assertThat(parsed.hasResult()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void aRawResultIsWrittenBackByteForByte(HubProtocol protocol) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", List.of(1, 2.5, "x"));
        value.put("a", null);
        byte[] original = protocol.writeMessage(CompletionMessage.withResult("s1", value));

        HubMessage raw = protocol.parseMessage(ByteBuffer.wrap(original), new VectorBinder(List.of(), RawResult.class));

        assertThat(((CompletionMessage) raw).result()).isInstanceOf(RawResult.class);
        assertThat(protocol.writeMessage(raw)).isEqualTo(original);
        HubProtocol other = protocol instanceof JsonHubProtocol ? new MessagePackHubProtocol() : new JsonHubProtocol();
        assertThatThrownBy(() -> other.writeMessage(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void bindingFailuresCannotBeWritten(HubProtocol protocol) {
        HubMessage failure = new InvocationBindingFailureMessage("1", "x", new HubProtocolException("no"), false, Map.of());
        assertThatThrownBy(() -> protocol.writeMessage(failure)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] concat(HubProtocol protocol, List<HubMessage> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.forEach(m -> out.writeBytes(protocol.writeMessage(m)));
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
