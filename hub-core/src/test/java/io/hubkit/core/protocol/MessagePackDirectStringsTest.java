package io.hubkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * String payloads in MessagePack are packed and unpacked without Jackson when the payload mapper
 * binds strings the standard way: the bytes and the values are exactly what the mapper gives
 * (every string header size, non-ASCII, malformed UTF-8), and a mapper with its own string
 * binding is still used.
 */
class MessagePackDirectStringsTest {

    private static final InvocationBinder TWO_STRINGS = new VectorBinder(List.of(String.class, String.class),
            String.class);

    private final MessagePackHubProtocol direct = new MessagePackHubProtocol();
    private final MessagePackHubProtocol throughJackson = new MessagePackHubProtocol(
            MessagePackHubProtocol.defaultPayloadMapper().registerModule(delegatingStringModule(false)));

    @Test
    void theProtocolUsesTheDirectPathOnlyForStandardStringBinding() {
        assertThat(StandardStringBinding.of(MessagePackHubProtocol.defaultPayloadMapper())).isTrue();
        assertThat(StandardStringBinding.of(MessagePackHubProtocol.defaultPayloadMapper()
                .registerModule(delegatingStringModule(false)))).isFalse();
    }

    @Test
    void writesTheSameBytesAndReadsTheSameValuesAsTheMapperForEveryStringSize() {
        for (String text : samples()) {
            InvocationMessage invocation = new InvocationMessage("7", "target", List.of(text, "x"), null, Map.of());
            CompletionMessage completion = CompletionMessage.withResult("7", text);
            for (HubMessage message : List.<HubMessage>of(invocation, completion,
                    new StreamItemMessage("7", text, Map.of()))) {
                byte[] bytes = direct.writeMessage(message);
                assertThat(bytes).as("bytes of a %d-char string", text.length())
                        .isEqualTo(throughJackson.writeMessage(message));
                assertThat(direct.parseMessage(ByteBuffer.wrap(bytes), TWO_STRINGS))
                        .usingRecursiveComparison()
                        .isEqualTo(throughJackson.parseMessage(ByteBuffer.wrap(bytes), TWO_STRINGS));
            }
            InvocationMessage parsed = (InvocationMessage) direct.parseMessage(
                    ByteBuffer.wrap(direct.writeMessage(invocation)), TWO_STRINGS);
            assertThat(parsed.arguments()).containsExactly(text, "x");
        }
    }

    @Test
    void malformedUtf8BecomesWhatTheMapperMakesOfIt() {
        byte[][] malformed = {
                {(byte) 0xc3, 0x28}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x98},
                {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xff, 'a', (byte) 0xfe}};
        for (byte[] text : malformed) {
            // [1, {}, "7", "t", [<raw str>, "x"]] with the length prefix
            byte[] body = new byte[11 + text.length + 2];
            int i = 0;
            for (int b : new int[] {0x95, 0x01, 0x80, 0xa1, '7', 0xa1, 't', 0x92}) {
                body[i++] = (byte) b;
            }
            body[i++] = (byte) (0xa0 | text.length);
            System.arraycopy(text, 0, body, i, text.length);
            i += text.length;
            body[i++] = (byte) 0xa1;
            body[i++] = 'x';
            ByteBuffer frame = ByteBuffer.allocate(1 + i).put((byte) i).put(body, 0, i).flip();
            assertThat(direct.parseMessage(frame.duplicate(), TWO_STRINGS)).usingRecursiveComparison()
                    .isEqualTo(throughJackson.parseMessage(frame.duplicate(), TWO_STRINGS));
        }
    }

    @Test
    void aMapperWithItsOwnStringBindingIsStillUsed() {
        MessagePackHubProtocol shouting = new MessagePackHubProtocol(
                MessagePackHubProtocol.defaultPayloadMapper().registerModule(delegatingStringModule(true)));
        byte[] bytes = direct.writeMessage(new InvocationMessage(null, "target", List.of("quiet", "words"), null,
                Map.of()));

        InvocationMessage parsed = (InvocationMessage) shouting.parseMessage(ByteBuffer.wrap(bytes), TWO_STRINGS);

        assertThat(parsed.arguments()).containsExactly("QUIET", "WORDS");
        assertThat(shouting.writeMessage(CompletionMessage.withResult("1", "loud")))
                .isEqualTo(direct.writeMessage(CompletionMessage.withResult("1", "LOUD")));
    }

    private static List<String> samples() {
        List<String> samples = new ArrayList<>(List.of("", "a", "héllo wörld", "你好，世界！", "😀 emoji"));
        for (int length : new int[] {31, 32, 255, 256, 65_535, 65_536, 70_000}) {
            samples.add("y".repeat(length));
            samples.add("é".repeat(length / 2));
        }
        return samples;
    }

    /** Strings through the mapper's own (de)serializer: as Jackson's, or upper-cased. */
    private static SimpleModule delegatingStringModule(boolean upperCase) {
        SimpleModule module = new SimpleModule();
        module.addSerializer(String.class, new StdSerializer<>(String.class) {
            @Override
            public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(upperCase ? value.toUpperCase(Locale.ROOT) : value);
            }
        });
        module.addDeserializer(String.class, new StdDeserializer<>(String.class) {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                return upperCase && text != null ? text.toUpperCase(Locale.ROOT) : text;
            }
        });
        return module;
    }
}
