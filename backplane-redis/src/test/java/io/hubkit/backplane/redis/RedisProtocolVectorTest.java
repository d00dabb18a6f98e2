package io.hubkit.backplane.redis;

import static io.hubkit.backplane.redis.RedisVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.protocol.SerializedHubMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The envelopes, byte for byte, against the golden vectors taken from ASP.NET Core's Redis
 * backplane tests: invocations, group commands, acks, completions, the per-protocol serializations
 * of a hub message, and the channel names.
 */
class RedisProtocolVectorTest {

    static Stream<JsonNode> invocations() {
        return RedisVectors.section("invocations");
    }

    static Stream<JsonNode> groupCommands() {
        return RedisVectors.section("group_commands");
    }

    static Stream<JsonNode> acks() {
        return RedisVectors.section("acks");
    }

    static Stream<JsonNode> completions() {
        return RedisVectors.section("completions");
    }

    static Stream<JsonNode> serializations() {
        return RedisVectors.section("hub_message_serializations");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invocations")
    void invocationsAreWrittenAndReadAsAspNetCoreDoes(JsonNode vector) {
        List<String> excluded = strings(vector.get("excluded_connection_ids"));
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        vector.get("payloads").fields().forEachRemaining(e -> payloads.put(e.getKey(), hex(e.getValue().asText())));
        assertThat(vector.get("invocation_id").isNull()).as("the vectors only pin the 2-item form").isTrue();

        byte[] written = RedisProtocol.writeInvocation(RedisInvocation.of(excluded, payloads));
        assertThat(hex(written)).isEqualTo(vector.get("hex").asText());

        RedisInvocation read = RedisProtocol.readInvocation(hex(vector.get("hex").asText()));
        assertThat(read.excludedConnectionIds()).containsExactlyElementsOf(excluded);
        assertThat(read.payloads().keySet()).containsExactlyElementsOf(payloads.keySet());
        payloads.forEach((protocol, bytes) -> assertThat(read.payloads().get(protocol)).isEqualTo(bytes));
        assertThat(read.expectsResult()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupCommands")
    void groupCommandsAreWrittenAndReadAsAspNetCoreDoes(JsonNode vector) {
        GroupCommand command = new GroupCommand(vector.get("id").asInt(), vector.get("server_name").asText(),
                GroupAction.fromCode(vector.get("action").asInt()), vector.get("group").asText(),
                vector.get("connection_id").asText());
        assertThat(command.action().name()).isEqualToIgnoringCase(vector.get("action_name").asText());

        assertThat(hex(RedisProtocol.writeGroupCommand(command))).isEqualTo(vector.get("hex").asText());
        assertThat(RedisProtocol.readGroupCommand(hex(vector.get("hex").asText()))).isEqualTo(command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acks")
    void acksAreWrittenAndReadAsAspNetCoreDoes(JsonNode vector) {
        int id = vector.get("id").asInt();

        assertThat(hex(RedisProtocol.writeAck(id))).isEqualTo(vector.get("hex").asText());
        assertThat(RedisProtocol.readAck(hex(vector.get("hex").asText()))).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completions")
    void completionsAreWrittenAndReadAsAspNetCoreDoes(JsonNode vector) {
        RedisCompletion completion = new RedisCompletion(vector.get("protocol").asText(),
                hex(vector.get("hex_completion").asText()));

        assertThat(hex(RedisProtocol.writeCompletion(completion))).isEqualTo(vector.get("hex").asText());
        RedisCompletion read = RedisProtocol.readCompletion(hex(vector.get("hex").asText()));
        assertThat(read.protocolName()).isEqualTo(completion.protocolName());
        assertThat(read.completion()).isEqualTo(completion.completion());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serializations")
    void aHubMessageIsSerializedOncePerProtocolOfTheHub(JsonNode vector) {
        HubProtocols hubProtocols = HubProtocols.of(hubProtocols(strings(vector.get("protocols"))));
        SerializedHubMessage message = new SerializedHubMessage(InvocationMessage.nonBlocking("target", List.of()));

        Map<String, byte[]> payloads = InvocationPayloads.of(message, hubProtocols);

        Map<String, String> expected = new LinkedHashMap<>();
        vector.get("serializations").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asText()));
        Map<String, String> actual = new LinkedHashMap<>();
        payloads.forEach((protocol, bytes) -> actual.put(protocol, hex(bytes)));
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(actual.keySet()).as("the hub's protocol order").containsExactlyElementsOf(
                hubProtocols.all().stream().map(HubProtocol::name).toList());
    }

    @Test
    void channelNamesFollowTheDotNetLayout() {
        JsonNode examples = RedisVectors.node("channels").get("examples");
        assertThat(examples.size()).isGreaterThan(0);
        for (JsonNode example : examples) {
            String prefix = example.get("channel_prefix_option").isNull() ? ""
                    : example.get("channel_prefix_option").asText();
            RedisChannels channels = new RedisChannels(prefix, example.get("hub_type").asText(),
                    example.get("server_name").asText());
            JsonNode expected = example.get("channels");

            assertThat(channels.all()).isEqualTo(expected.get("all").asText());
            assertThat(channels.groupManagement()).isEqualTo(expected.get("group_management").asText());
            assertThat(channels.returnResults()).isEqualTo(expected.get("return_results").asText());
            assertThat(channels.ack()).isEqualTo(expected.get("ack").asText());
            assertThat(channels.connection("c1")).isEqualTo(expected.get("connection(c1)").asText());
            assertThat(channels.group("g1")).isEqualTo(expected.get("group(g1)").asText());
            assertThat(channels.user("u1")).isEqualTo(expected.get("user(u1)").asText());
            assertThat(channels.prefixed(channels.returnResultsUnprefixed())).isEqualTo(channels.returnResults());
        }
    }

    @Test
    void receivedChannelsAreClassified() {
        RedisChannels channels = new RedisChannels("prod", "MyApp.Hubs.ChatHub", "server1");

        assertThat(channels.parse("prodMyApp.Hubs.ChatHub:all").kind()).isEqualTo(RedisChannels.Kind.ALL);
        assertThat(channels.parse("prodMyApp.Hubs.ChatHub:group:a:b*"))
                .isEqualTo(new RedisChannels.Parsed(RedisChannels.Kind.GROUP, "a:b*"));
        assertThat(channels.parse("prodMyApp.Hubs.ChatHub:user:ann"))
                .isEqualTo(new RedisChannels.Parsed(RedisChannels.Kind.USER, "ann"));
        assertThat(channels.parse("prodMyApp.Hubs.ChatHub:connection:c1"))
                .isEqualTo(new RedisChannels.Parsed(RedisChannels.Kind.CONNECTION, "c1"));
        assertThat(channels.parse("prodMyApp.Hubs.ChatHub:internal:ack:server1"))
                .isEqualTo(new RedisChannels.Parsed(RedisChannels.Kind.ACK, "server1"));
        assertThat(channels.parse("prodMyApp.Hubs.ChatHub:internal:return:server1"))
                .isEqualTo(new RedisChannels.Parsed(RedisChannels.Kind.RETURN, "server1"));
        assertThat(channels.parse("prodMyApp.Hubs.ChatHub:internal:groups").kind())
                .isEqualTo(RedisChannels.Kind.GROUP_MANAGEMENT);
        assertThat(channels.parse("MyApp.Hubs.ChatHub:all")).as("another prefix").isNull();
        assertThat(channels.parse("prodMyApp.Hubs.OtherHub:all")).as("another hub").isNull();
        assertThat(channels.parse("prodMyApp.Hubs.ChatHub:something")).isNull();
    }

    @Test
    void aClientResultInvocationCarriesItsIdAndReturnChannelAfterTheOriginalItems() {
        RedisInvocation invocation = new RedisInvocation(List.of("x"), Map.of("json", new byte[] {0x2a}), "inv1",
                "Hub:internal:return:server1");

        byte[] written = RedisProtocol.writeInvocation(invocation);

        // [["x"], {"json": bin(2a)}, "inv1", "Hub:internal:return:server1"]
        assertThat(hex(written)).startsWith("9491a178" + "81a46a736f6ec4012a" + "a4696e7631");
        RedisInvocation read = RedisProtocol.readInvocation(written);
        assertThat(read.invocationId()).isEqualTo("inv1");
        assertThat(read.returnChannel()).isEqualTo("Hub:internal:return:server1");
        assertThat(read.excludedConnectionIds()).containsExactly("x");
    }

    @Test
    void readersAcceptExtraItemsAndNilExclusions() {
        // [nil, {"p1": bin(2a)}, 7] : no exclusions written as nil, one unknown trailing item
        RedisInvocation invocation = RedisProtocol.readInvocation(hex("93c081a27031c4012a07"));
        assertThat(invocation.excludedConnectionIds()).isEmpty();
        assertThat(invocation.payloads()).containsOnlyKeys("p1");
        assertThat(invocation.expectsResult()).isFalse();

        // a group command and an ack with one trailing item each
        assertThat(RedisProtocol.readGroupCommand(hex("962aa15301a147a143c0")))
                .isEqualTo(new GroupCommand(42, "S", GroupAction.ADD, "G", "C"));
        assertThat(RedisProtocol.readAck(hex("922ac0"))).isEqualTo(42);
    }

    @Test
    void tooFewItemsAreRejectedWithTheDotNetMessage() {
        assertThatThrownBy(() -> RedisProtocol.readInvocation(hex("9190")))
                .isInstanceOf(RedisProtocolException.class).hasMessage("Insufficient items in Invocation array.");
        assertThatThrownBy(() -> RedisProtocol.readGroupCommand(hex("942aa15301a147")))
                .isInstanceOf(RedisProtocolException.class).hasMessage("Insufficient items in GroupCommand array.");
        assertThatThrownBy(() -> RedisProtocol.readAck(hex("90")))
                .isInstanceOf(RedisProtocolException.class).hasMessage("Insufficient items in Ack array.");
        assertThatThrownBy(() -> RedisProtocol.readCompletion(hex("91a46a736f6e")))
                .isInstanceOf(RedisProtocolException.class)
                .hasMessage("Insufficient items in CompletionMessage array.");
    }

    @Test
    void garbageIsRejectedNotThrownThrough() {
        assertThatThrownBy(() -> RedisProtocol.readInvocation(hex("92")))
                .isInstanceOf(RedisProtocolException.class);
        assertThatThrownBy(() -> RedisProtocol.readInvocation(hex("929081a2703101")))
                .as("a payload that is not binary").isInstanceOf(RedisProtocolException.class);
        assertThatThrownBy(() -> RedisProtocol.readGroupCommand(hex("952aa15303a147a143")))
                .as("an unknown action").isInstanceOf(RedisProtocolException.class);
        assertThatThrownBy(() -> RedisProtocol.readAck(hex("c0"))).isInstanceOf(RedisProtocolException.class);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    /**
     * The protocols a vector case's hub offers: "json" and "messagepack" are ours; a protocol the
     * resolver does not know is left out; "hub: x" entries replace the "global: y" ones.
     */
    private static List<HubProtocol> hubProtocols(List<String> names) {
        boolean hubLevel = names.stream().anyMatch(name -> name.startsWith("hub: "));
        List<HubProtocol> protocols = new ArrayList<>();
        for (String name : names) {
            String plain = name;
            if (name.startsWith("hub: ")) {
                plain = name.substring("hub: ".length());
            } else if (name.startsWith("global: ")) {
                if (hubLevel) {
                    continue;
                }
                plain = name.substring("global: ".length());
            }
            if (plain.equals("json")) {
                protocols.add(new JsonHubProtocol());
            } else if (plain.equals("messagepack")) {
                protocols.add(new MessagePackHubProtocol());
            }
        }
        return protocols;
    }
}
