package io.hubkit.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official JavaScript client's own hub protocols ({@code @microsoft/signalr} and
 * {@code @microsoft/signalr-protocol-msgpack}, run in Node) read what HubKit writes, and HubKit
 * reads what the client writes, in both protocols — the messages a server sends and the messages
 * a client sends, shaped as the client's connection shapes them.
 */
class OfficialClientProtocolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant Y2K = Instant.parse("2000-01-01T00:00:00Z");
    private static final JsonHubProtocol JSON_PROTOCOL = new JsonHubProtocol();
    private static final MessagePackHubProtocol MESSAGE_PACK = new MessagePackHubProtocol();

    private static JsonNode result;

    /** The shape of one argument of {@code Echo}. */
    public record Tag(String name, List<String> tags) {
    }

    @BeforeAll
    static void runTheOfficialProtocols() throws Exception {
        Map<String, String> input = Map.of(
                "json", Base64.getEncoder().encodeToString(frames(JSON_PROTOCOL)),
                "messagepack", Base64.getEncoder().encodeToString(frames(MESSAGE_PACK)));
        result = NodeScript.run("official-protocols.js", JSON.writeValueAsString(input));
    }

    /** What a server sends: calls, a client-result request, stream items, completions, keep-alive, close. */
    private static List<HubMessage> serverMessages() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("name", "x");
        object.put("tags", List.of("a"));
        return List.of(
                new InvocationMessage(null, "ReceiveMessage", Arrays.asList("hello", 42, 2.5, true, null, object), null,
                        Map.of("a", "b")),
                new InvocationMessage("s1", "GetResult", List.of(), null, Map.of()),
                InvocationMessage.nonBlocking("Dates", List.of(Y2K, new byte[] {1, 2, 3})),
                new StreamItemMessage("1", Map.of("n", 1)),
                CompletionMessage.withResult("0", "hi"),
                CompletionMessage.withResult("5", null),
                CompletionMessage.withError("3", "Whoops"),
                CompletionMessage.empty("2"),
                PingMessage.INSTANCE,
                new AckMessage(5),
                new SequenceMessage(6),
                new CloseMessage("bye", true),
                CloseMessage.EMPTY);
    }

    @Test
    void theJsonClientReadsWhatHubKitWrites() throws Exception {
        assertThat(result.get("parsed").get("json")).isEqualTo(JSON.readTree("""
                [{"type":1,"headers":{"a":"b"},"target":"ReceiveMessage","arguments":["hello",42,2.5,true,null,{"name":"x","tags":["a"]}]},
                 {"type":1,"invocationId":"s1","target":"GetResult","arguments":[]},
                 {"type":1,"target":"Dates","arguments":["2000-01-01T00:00:00Z","AQID"]},
                 {"type":2,"invocationId":"1","item":{"n":1}},
                 {"type":3,"invocationId":"0","result":"hi"},
                 {"type":3,"invocationId":"5","result":null},
                 {"type":3,"invocationId":"3","error":"Whoops"},
                 {"type":3,"invocationId":"2"},
                 {"type":6},
                 {"type":8,"sequenceId":5},
                 {"type":9,"sequenceId":6},
                 {"type":7,"error":"bye","allowReconnect":true},
                 {"type":7}]
                """));
    }

    @Test
    void theMessagePackClientReadsWhatHubKitWrites() throws Exception {
        assertThat(result.get("parsed").get("messagepack")).isEqualTo(JSON.readTree("""
                [{"type":1,"headers":{"a":"b"},"target":"ReceiveMessage","arguments":["hello",42,2.5,true,null,{"name":"x","tags":["a"]}],"streamIds":[]},
                 {"type":1,"headers":{},"invocationId":"s1","target":"GetResult","arguments":[],"streamIds":[]},
                 {"type":1,"headers":{},"target":"Dates","arguments":[{"$date":"2000-01-01T00:00:00.000Z"},{"$bytes":"010203"}],"streamIds":[]},
                 {"type":2,"headers":{},"invocationId":"1","item":{"n":1}},
                 {"type":3,"headers":{},"invocationId":"0","result":"hi"},
                 {"type":3,"headers":{},"invocationId":"5","result":null},
                 {"type":3,"headers":{},"invocationId":"3","error":"Whoops"},
                 {"type":3,"headers":{},"invocationId":"2"},
                 {"type":6},
                 {"type":8,"sequenceId":5},
                 {"type":9,"sequenceId":6},
                 {"type":7,"error":"bye","allowReconnect":true},
                 {"type":7,"error":null,"allowReconnect":false}]
                """));
    }

    @Test
    void hubKitReadsWhatTheJsonClientWrites() {
        assertThat(parseAll(JSON_PROTOCOL, result.get("sent").get("json").asText())).isEqualTo(clientMessages(false));
    }

    @Test
    void hubKitReadsWhatTheMessagePackClientWrites() {
        assertThat(parseAll(MESSAGE_PACK, result.get("sent").get("messagepack").asText())).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(clientMessages(true));
    }

    private static List<HubMessage> clientMessages(boolean messagePack) {
        List<HubMessage> messages = new ArrayList<>(List.of(
                new InvocationMessage("0", "Echo", Arrays.asList("hi", 42, 1.5, true, null, new Tag("x", List.of("a", "b"))),
                        null, Map.of()),
                InvocationMessage.nonBlocking("Send", List.of("fire and forget")),
                new InvocationMessage("1", "Upload", List.of(), List.of("2"), Map.of()),
                new StreamInvocationMessage("3", "Counter", List.of(10), null, Map.of()),
                new StreamItemMessage("2", "chunk"),
                CompletionMessage.empty("2"),
                CompletionMessage.withError("4", "Error: upload failed"),
                CompletionMessage.withResult("s1", 42),
                new CancelInvocationMessage("3"),
                PingMessage.INSTANCE,
                new CloseMessage(null, false),
                new AckMessage(3),
                new SequenceMessage(4),
                new InvocationMessage(null, "Send", List.of("with headers"), null, Map.of("traceparent", "00-1-2-01"))));
        if (messagePack) {
            messages.add(InvocationMessage.nonBlocking("Binary", List.of(Y2K, new byte[] {1, 2, 3})));
        }
        return messages;
    }

    /** The hub's side: the parameter types of each method, the awaited client result, the upload stream. */
    private static final InvocationBinder HUB = new InvocationBinder() {
        private final Map<String, List<Type>> methods = Map.of(
                "echo", List.of(String.class, Integer.class, Double.class, Boolean.class, Object.class, Tag.class),
                "send", List.of(String.class),
                "upload", List.of(),
                "counter", List.of(Integer.class),
                "binary", List.of(Instant.class, byte[].class));

        @Override
        public List<Type> parameterTypes(String target) {
            List<Type> types = methods.get(target.toLowerCase(Locale.ROOT));
            if (types == null) {
                throw new HubProtocolException("Method does not exist.");
            }
            return types;
        }

        @Override
        public Type returnType(String invocationId) {
            return "s1".equals(invocationId) ? Integer.class : null;
        }

        @Override
        public Type streamItemType(String streamId) {
            return String.class;
        }
    };

    private static List<HubMessage> parseAll(HubProtocol protocol, String base64) {
        ByteBuffer input = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
        List<HubMessage> messages = new ArrayList<>();
        HubMessage message;
        while ((message = protocol.parseMessage(input, HUB)) != null) {
            messages.add(message);
        }
        assertThat(input.hasRemaining()).isFalse();
        return messages;
    }

    private static byte[] frames(HubProtocol protocol) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serverMessages().forEach(m -> out.writeBytes(protocol.writeMessage(m)));
        return out.toByteArray();
    }
}
