package io.hubkit.core.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.testing.WireClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * What hub code reaches through its injected {@link HubCallerClients} and {@link GroupManager}, and
 * what application code reaches through {@link HubContext}: caller, others, groups, users.
 */
class HubClientsTest {

    /** A small chat hub. */
    public static class ChatHub {

        public Mono<Void> join(HubCallerContext context, GroupManager groups, String room) {
            return groups.addToGroup(context.connectionId(), room);
        }

        public Mono<Void> leave(HubCallerContext context, GroupManager groups, String room) {
            return groups.removeFromGroup(context.connectionId(), room);
        }

        public Mono<Void> toRoom(HubCallerClients clients, String room, String text) {
            return clients.group(room).send("message", room, text);
        }

        public Mono<Void> toOthersInRoom(HubCallerClients clients, String room, String text) {
            return clients.othersInGroup(room).send("message", room, text);
        }

        public Mono<Void> toOthers(HubCallerClients clients, String text) {
            return clients.others().send("message", "others", text);
        }

        public Mono<Void> toCaller(HubCallerClients clients, String text) {
            return clients.caller().send("message", "caller", text);
        }

        public Mono<Void> toUser(HubCallerClients clients, String user, String text) {
            return clients.user(user).send("message", "user", text);
        }
    }

    private HubEndpoint endpoint;
    private WireClient ann;
    private WireClient bob;
    private WireClient cid;

    @BeforeEach
    void connect() {
        endpoint = HubEndpoint.builder(new ChatHub())
                .userIdProvider((principal, request) -> request.queryParam("user"))
                .build();
        ann = WireClient.connect(endpoint.connectionHandler(), new JsonHubProtocol(),
                WireClient.request(null, Map.of("user", List.of("ann"))));
        bob = WireClient.connect(endpoint.connectionHandler(), new MessagePackHubProtocol(),
                WireClient.request(null, Map.of("user", List.of("bob"))));
        cid = WireClient.connect(endpoint.connectionHandler(), new JsonHubProtocol(),
                WireClient.request(null, Map.of("user", List.of("bob"))));
    }

    @AfterEach
    void close() {
        endpoint.close();
    }

    /** Sends a marker to everyone and returns what each client got before it, in order. */
    private List<String> before(WireClient client, String marker) {
        List<String> texts = new java.util.ArrayList<>();
        for (;;) {
            InvocationMessage message = client.awaitInvocation("message");
            String text = (String) message.arguments().get(1);
            if (text.equals(marker)) {
                return texts;
            }
            texts.add(message.arguments().get(0) + ":" + text);
        }
    }

    private void finish(String marker) {
        endpoint.hubContext().clients().all().send("message", "all", marker).block(WireClient.TIMEOUT);
    }

    @Test
    void groupsOthersCallerAndUsers() {
        assertThat(ann.invokeAndWait("join", "room").error()).isNull();
        assertThat(bob.invokeAndWait("join", "room").error()).isNull();

        assertThat(ann.invokeAndWait("toRoom", "room", "hi room").error()).isNull();
        assertThat(ann.invokeAndWait("toOthersInRoom", "room", "hi others in room").error()).isNull();
        assertThat(ann.invokeAndWait("toOthers", "hi others").error()).isNull();
        assertThat(ann.invokeAndWait("toCaller", "hi me").error()).isNull();
        assertThat(ann.invokeAndWait("toUser", "bob", "hi bob").error()).isNull();
        assertThat(bob.invokeAndWait("leave", "room").error()).isNull();
        assertThat(ann.invokeAndWait("toRoom", "room", "after bob left").error()).isNull();
        finish("end");

        assertThat(before(ann, "end")).containsExactly("room:hi room", "caller:hi me", "room:after bob left");
        assertThat(before(bob, "end")).containsExactly("room:hi room", "room:hi others in room", "others:hi others",
                "user:hi bob");
        assertThat(before(cid, "end")).containsExactly("others:hi others", "user:hi bob");
    }

    @Test
    void hubContextReachesClientsFromOutside() {
        HubContext<ChatHub> context = endpoint.hubContext();
        context.groups().addToGroup(cid.connectionId(), "vip").block(WireClient.TIMEOUT);

        context.clients().group("vip").send("message", "vip", "welcome").block(WireClient.TIMEOUT);
        context.clients().client(ann.connectionId()).send("message", "direct", "psst").block(WireClient.TIMEOUT);
        context.clients().allExcept(List.of(ann.connectionId())).send("message", "allExcept", "not ann")
                .block(WireClient.TIMEOUT);
        context.clients().users("ann").send("message", "users", "to ann").block(WireClient.TIMEOUT);
        context.clients().clients(bob.connectionId(), cid.connectionId()).send("message", "clients", "b+c")
                .block(WireClient.TIMEOUT);
        context.clients().groupExcept("vip", cid.connectionId()).send("message", "vip", "nobody")
                .block(WireClient.TIMEOUT);
        finish("end");

        assertThat(before(ann, "end")).containsExactly("direct:psst", "users:to ann");
        assertThat(before(bob, "end")).containsExactly("allExcept:not ann", "clients:b+c");
        assertThat(before(cid, "end")).containsExactly("vip:welcome", "allExcept:not ann", "clients:b+c");
    }
}
