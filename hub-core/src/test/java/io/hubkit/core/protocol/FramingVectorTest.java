package io.hubkit.core.protocol;

import static io.hubkit.core.protocol.HubProtocolVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every entry of the {@code binary_framing} and {@code text_framing} vector sections, against
 * {@link BinaryMessageFraming} (VarInt length prefixes) and {@link TextMessageFraming} (0x1E
 * record separators).
 */
class FramingVectorTest {

    /** Lengths up to this are also checked by reading a whole frame of that length. */
    private static final int LARGEST_FRAME_BUILT = 1 << 20;

    @TestFactory
    Stream<DynamicTest> binaryFraming() {
        VectorCases cases = new VectorCases("binary_framing");
        for (JsonNode entry : HubProtocolVectors.section("binary_framing")) {
            String name = entry.get("name").asText();
            String kind = entry.get("kind").asText();
            cases.add(name, VectorSkips.Part.ALL, name + " / " + kind, () -> {
                switch (kind) {
                    case "length_prefix" -> assertLengthPrefix(entry);
                    case "buffer" -> assertBuffer(entry);
                    case "error" -> assertError(entry);
                    case "incomplete" -> assertIncomplete(entry);
                    default -> throw new IllegalArgumentException("kind " + kind);
                }
            });
        }
        return cases.stream();
    }

    @TestFactory
    Stream<DynamicTest> textFraming() {
        VectorCases cases = new VectorCases("text_framing");
        for (JsonNode entry : HubProtocolVectors.section("text_framing")) {
            String name = entry.get("name").asText();
            cases.add(name, VectorSkips.Part.ALL, name, () -> {
                if (entry.has("payload")) {
                    byte[] framed = TextMessageFraming.frame(entry.get("payload").asText().getBytes(StandardCharsets.UTF_8));
                    assertThat(new String(framed, StandardCharsets.UTF_8)).isEqualTo(entry.get("output").asText());
                    return;
                }
                ByteBuffer input = ByteBuffer.wrap(entry.get("input").asText().getBytes(StandardCharsets.UTF_8));
                List<String> records = new ArrayList<>();
                ByteBuffer record;
                while ((record = TextMessageFraming.nextRecord(input)) != null) {
                    records.add(StandardCharsets.UTF_8.decode(record).toString());
                }
                List<String> expected = new ArrayList<>();
                entry.get("messages").forEach(m -> expected.add(m.asText()));
                assertThat(records).isEqualTo(expected);
                assertThat(StandardCharsets.UTF_8.decode(input).toString()).isEqualTo(entry.get("remaining").asText());
            });
        }
        return cases.stream();
    }

    private static void assertLengthPrefix(JsonNode entry) {
        long length = entry.get("length").longValue();
        byte[] prefix = hex(entry.get("hex_prefix").asText());
        byte[] written = new byte[BinaryMessageFraming.MAX_PREFIX_SIZE];
        int size = BinaryMessageFraming.writePrefix((int) length, written, 0);
        assertThat(hex(Arrays.copyOf(written, size))).isEqualTo(entry.get("hex_prefix").asText());
        assertThat(BinaryMessageFraming.prefixSize((int) length)).isEqualTo(prefix.length);

        ByteBuffer prefixOnly = ByteBuffer.wrap(prefix);
        if (length == 0) {
            assertThat(BinaryMessageFraming.nextFrame(prefixOnly).remaining()).isZero();
            return;
        }
        assertThat(BinaryMessageFraming.nextFrame(prefixOnly)).as("prefix without its body").isNull();
        assertThat(prefixOnly.position()).isZero();
        if (length <= LARGEST_FRAME_BUILT) {
            ByteBuffer frame = ByteBuffer.allocate(prefix.length + (int) length).put(prefix);
            frame.position(0);
            ByteBuffer body = BinaryMessageFraming.nextFrame(frame);
            assertThat(body.remaining()).isEqualTo((int) length);
            assertThat(frame.hasRemaining()).isFalse();
        }
    }

    private static void assertBuffer(JsonNode entry) {
        ByteBuffer input = ByteBuffer.wrap(hex(entry.get("hex").asText()));
        List<String> frames = new ArrayList<>();
        ByteBuffer frame;
        while ((frame = BinaryMessageFraming.nextFrame(input)) != null) {
            byte[] body = new byte[frame.remaining()];
            frame.get(body);
            frames.add(hex(body));
        }
        List<String> expected = new ArrayList<>();
        entry.get("messages_hex").forEach(m -> expected.add(m.asText()));
        assertThat(frames).isEqualTo(expected);
        assertThat(input.hasRemaining()).isFalse();

        ByteArrayOutputStream written = new ByteArrayOutputStream();
        expected.forEach(body -> written.writeBytes(BinaryMessageFraming.frame(hex(body))));
        assertThat(hex(written.toByteArray())).isEqualTo(entry.get("hex").asText());
    }

    private static void assertError(JsonNode entry) {
        ByteBuffer input = ByteBuffer.wrap(hex(entry.get("hex").asText()));
        assertThatThrownBy(() -> BinaryMessageFraming.nextFrame(input))
                .isInstanceOf(HubProtocolException.class)
                .hasMessage(entry.get("error").asText());
    }

    private static void assertIncomplete(JsonNode entry) {
        ByteBuffer input = ByteBuffer.wrap(hex(entry.get("hex").asText()));
        if (entry.get("name").asText().startsWith("MessagePack_")) {
            assertThat(new MessagePackHubProtocol().parseMessage(input, new VectorBinder(List.of(), Object.class))).isNull();
        } else {
            assertThat(BinaryMessageFraming.nextFrame(input)).isNull();
        }
        assertThat(input.position()).isZero();
    }
}
