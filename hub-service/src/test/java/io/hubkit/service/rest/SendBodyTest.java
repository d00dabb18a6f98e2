package io.hubkit.service.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.InvocationBinder;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

class SendBodyTest {

    private final SendBody body = SendBody.withDefaultProtocols();

    @Test
    void jsonBodyBecomesOneFramedInvocationPerProtocol() {
        Map<String, byte[]> payloads = body.payloads("application/json; charset=utf-8",
                bytes("{\"Target\":\"receive\",\"Arguments\":[\"hi\",42,{\"a\":[true,null]}]}"));

        assertThat(payloads.keySet()).containsExactlyInAnyOrder("json", "messagepack");
        assertThat(new String(payloads.get("JSON"), StandardCharsets.UTF_8))
                .as("keys are case-insensitive; the JSON payload is a framed record")
                .isEqualTo("{\"type\":1,\"target\":\"receive\",\"arguments\":[\"hi\",42,{\"a\":[true,null]}]}\u001e");

        InvocationMessage json = (InvocationMessage) parse(new JsonHubProtocol(), payloads.get("json"), 3);
        InvocationMessage pack = (InvocationMessage) parse(new MessagePackHubProtocol(), payloads.get("messagepack"), 3);
        assertThat(json.target()).isEqualTo("receive");
        assertThat(pack.target()).isEqualTo("receive");
        assertThat(json.invocationId()).isNull();
        assertThat(pack.invocationId()).isNull();
        assertThat(pack.arguments()).containsExactly("hi", 42, Map.of("a", java.util.Arrays.asList(true, null)));
    }

    @Test
    void absentArgumentsMeanNone() {
        Map<String, byte[]> payloads = body.payloads(null, bytes("{\"target\":\"ping\"}"));
        assertThat(new String(payloads.get("json"), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":1,\"target\":\"ping\",\"arguments\":[]}\u001e");
    }

    @Test
    void invalidJsonBodiesAreBadRequests() {
        for (String invalid : List.of("", "nope", "[]", "{\"arguments\":[]}", "{\"target\":\"\"}", "{\"target\":5}",
                "{\"target\":\"x\",\"arguments\":{}}")) {
            assertThatThrownBy(() -> body.payloads("application/json", bytes(invalid)))
                    .as(invalid).isInstanceOfSatisfying(RestException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void binaryBodyIsThePayloadsMapAsItIs() throws Exception {
        byte[] json = bytes("{\"type\":1,\"target\":\"t\",\"arguments\":[]}\u001e");
        byte[] pack = {4, (byte) 0x94, 1, (byte) 0x80, (byte) 0xc0, (byte) 0xa1};
        MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
        packer.packMapHeader(2).packString("json").packBinaryHeader(json.length).addPayload(json)
                .packString("messagepack").packBinaryHeader(pack.length).addPayload(pack);
        Map<String, byte[]> payloads = body.payloads("application/octet-stream", packer.toByteArray());
        assertThat(payloads.get("Json")).isEqualTo(json);
        assertThat(payloads.get("messagepack")).isEqualTo(pack);
    }

    @Test
    void invalidBinaryBodiesAreBadRequests() {
        byte[][] invalid = {
                {},
                {(byte) 0x90},                                     // an array, not a map
                {(byte) 0x81, 1, 2},                               // an int key
                {(byte) 0x81, (byte) 0xa1, 'j', 5},                // an int payload
                {(byte) 0x81, (byte) 0xa1, 'j', (byte) 0xc6, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // 2 GB announced
                {(byte) 0x80},                                     // no payload at all
        };
        for (byte[] bytes : invalid) {
            assertThatThrownBy(() -> body.payloads("application/octet-stream", bytes))
                    .isInstanceOfSatisfying(RestException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void namesFollowAzuresRules() {
        assertThat(RestNames.hubKey("Chat_Hub1", null)).isEqualTo("chat_hub1");
        assertThat(RestNames.hubKey("Chat", "MyApp")).isEqualTo("myapp_chat");
        for (String hub : List.of("", "1chat", "chat-hub", "a".repeat(129), "chat hub")) {
            assertThatThrownBy(() -> RestNames.hubKey(hub, null)).as(hub).isInstanceOf(RestException.class);
        }
        assertThat(RestNames.group("g".repeat(1024))).hasSize(1024);
        assertThatThrownBy(() -> RestNames.group("g".repeat(1025))).isInstanceOf(RestException.class);
        assertThatThrownBy(() -> RestNames.group("has space")).isInstanceOf(RestException.class);
        assertThatThrownBy(() -> RestNames.group("")).isInstanceOf(RestException.class);
    }

    private static HubMessage parse(io.hubkit.core.protocol.HubProtocol protocol, byte[] framed, int arguments) {
        return protocol.parseMessage(ByteBuffer.wrap(framed), new InvocationBinder() {
            @Override
            public List<Type> parameterTypes(String target) {
                return java.util.Collections.nCopies(arguments, Object.class);
            }

            @Override
            public Type returnType(String invocationId) {
                return null;
            }

            @Override
            public Type streamItemType(String streamId) {
                return Object.class;
            }
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
