package io.hubkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageUnpacker;

/** The small-buffer unpackers read strings far longer than their decoding buffer, as the default ones do. */
class MessagePackUnpackersTest {

    @Test
    void stringsLongerThanTheDecodingBufferReadAsWritten() throws Exception {
        String longAscii = "t".repeat(5_000);
        String longWide = "你好😀".repeat(2_000);
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packString(longAscii).packString(longWide).packString("");
            byte[] bytes = packer.toByteArray();
            try (MessageUnpacker unpacker = MessagePackUnpackers.over(bytes)) {
                assertThat(unpacker.unpackString()).isEqualTo(longAscii);
                assertThat(unpacker.unpackString()).isEqualTo(longWide);
                assertThat(unpacker.unpackString()).isEmpty();
            }
        }
    }

    @Test
    void aHubMessageWithLongEnvelopeStringsRoundTrips() {
        MessagePackHubProtocol protocol = new MessagePackHubProtocol();
        String target = "m".repeat(3_000);
        Map<String, String> headers = Map.of("k".repeat(700), "värde".repeat(400));
        InvocationMessage sent = new InvocationMessage("i".repeat(900), target, List.of("a", "b"), null, headers);

        HubMessage parsed = protocol.parseMessage(ByteBuffer.wrap(protocol.writeMessage(sent)),
                new VectorBinder(List.of(String.class, String.class), String.class));

        assertThat(parsed).usingRecursiveComparison().isEqualTo(sent);
    }
}
