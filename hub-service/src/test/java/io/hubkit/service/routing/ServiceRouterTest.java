package io.hubkit.service.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The routing core on two instances joined by an in-process bus: sends, memberships, existence, closing, client results. */
class ServiceRouterTest {

    private static final String HUB = "chat";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private ServiceRouter one;
    private ServiceRouter two;

    @BeforeEach
    void start() {
        InProcessServiceBus.Network network = new InProcessServiceBus.Network();
        one = new ServiceRouter(new LocalRouting(RoutingLimits.DEFAULTS, clock), network.join());
        two = new ServiceRouter(new LocalRouting(RoutingLimits.DEFAULTS, clock), network.join());
        one.start().block();
        two.start().block();
    }

    private static Map<String, byte[]> payloads(String text) {
        return Map.of("JSON", ("json:" + text).getBytes(StandardCharsets.UTF_8),
                "messagepack", ("msgpack:" + text).getBytes(StandardCharsets.UTF_8));
    }

    private RecordingClient client(ServiceRouter router, String id, String user, String protocol) {
        RecordingClient client = new RecordingClient(id, HUB, user, protocol, null);
        assertThat(router.register(client)).isTrue();
        return client;
    }

    @Test
    void broadcastsReachEveryInstanceOncePickingEachClientsProtocol() {
        RecordingClient a = client(one, "a", "alice", "json");
        RecordingClient b = client(two, "b", "bob", "messagepack");
        RecordingClient c = client(two, "c", "carol", "json");

        one.broadcast(HUB, payloads("hello"), List.of("c")).block();

        assertThat(a.received).containsExactly("json:hello");
        assertThat(b.received).containsExactly("msgpack:hello");
        assertThat(c.received).isEmpty();
    }

    @Test
    void groupsOfConnectionsAndUsersAcrossInstances() {
        RecordingClient a = client(one, "a", "alice", "json");
        RecordingClient b = client(two, "b", "bob", "json");

        assertThat(one.joinGroup(HUB, "b", "room").block()).isTrue();
        assertThat(one.joinGroup(HUB, "missing", "room").block()).isFalse();
        one.userJoinGroup(HUB, "alice", "room", null).block();
        RecordingClient a2 = client(two, "a2", "alice", "json"); // a future connection of alice

        two.sendToGroups(HUB, List.of("room"), payloads("g"), List.of(), List.of()).block();
        assertThat(a.received).containsExactly("json:g");
        assertThat(a2.received).containsExactly("json:g");
        assertThat(b.received).containsExactly("json:g");

        one.sendToGroups(HUB, List.of("room"), payloads("x"), List.of("b"), List.of("alice")).block();
        assertThat(a.received).containsExactly("json:g");
        assertThat(b.received).containsExactly("json:g");

        assertThat(one.groupExists(HUB, "room").block()).isTrue();
        assertThat(one.userInGroup(HUB, "alice", "room").block()).isTrue();
        assertThat(one.userInGroup(HUB, "bob", "room").block()).isTrue();
        one.userLeaveGroup(HUB, "alice", "room").block();
        assertThat(two.userInGroup(HUB, "alice", "room").block()).isFalse();
        assertThat(one.leaveGroup(HUB, "b", "room").block()).isTrue();
        assertThat(one.groupExists(HUB, "room").block()).isFalse();
    }

    @Test
    void userMembershipsExpireAndZeroTtlAddsOnlyCurrentConnections() {
        RecordingClient a = client(one, "a", "alice", "json");
        one.userJoinGroup(HUB, "alice", "timed", Duration.ofSeconds(10)).block();
        one.userJoinGroup(HUB, "alice", "now-only", Duration.ZERO).block();
        RecordingClient later = client(one, "later", "alice", "json");

        one.sendToGroups(HUB, List.of("now-only"), payloads("n"), List.of(), List.of()).block();
        assertThat(a.received).containsExactly("json:n");
        assertThat(later.received).isEmpty();

        now.set(now.get().plusSeconds(11));
        one.sendToGroups(HUB, List.of("timed"), payloads("t"), List.of(), List.of()).block();
        assertThat(later.received).isEmpty();
        assertThat(one.userInGroup(HUB, "alice", "timed").block()).isFalse();
    }

    @Test
    void existenceAndSendsToConnectionsAndUsersAcrossInstances() {
        RecordingClient a = client(one, "a", "alice", "json");
        RecordingClient b = client(two, "b", "alice", "json");

        assertThat(two.connectionExists(HUB, "a").block()).isTrue();
        assertThat(two.connectionExists(HUB, "zzz").block()).isFalse();
        assertThat(one.userExists(HUB, "alice").block()).isTrue();
        assertThat(one.userExists(HUB, "nobody").block()).isFalse();
        assertThat(one.connectionExists("other", "a").block()).isFalse();

        two.sendToConnection(HUB, "a", payloads("direct")).block();
        one.sendToUsers(HUB, List.of("alice"), payloads("user")).block();
        assertThat(a.received).containsExactly("json:direct", "json:user");
        assertThat(b.received).containsExactly("json:user");
    }

    @Test
    void closingConnectionsUsersGroupsAndAll() {
        RecordingClient a = client(one, "a", "alice", "json");
        RecordingClient b = client(two, "b", "bob", "json");
        RecordingClient c = client(two, "c", "bob", "json");

        assertThat(one.closeConnection(HUB, "b", "bye").block()).isTrue();
        assertThat(one.closeConnection(HUB, "nope", "bye").block()).isFalse();
        assertThat(b.closeReasons).containsExactly("bye");

        one.closeUserConnections(HUB, "bob", List.of("b"), "user").block();
        assertThat(c.closeReasons).containsExactly("user");

        two.joinGroup(HUB, "a", "g").block();
        two.closeGroupConnections(HUB, "g", List.of(), "group").block();
        assertThat(a.closeReasons).containsExactly("group");

        one.closeAllConnections(HUB, List.of("a"), "all").block();
        assertThat(a.closeReasons).containsExactly("group");
        assertThat(b.closeReasons).containsExactly("bye", "all");
    }

    @Test
    void closingAConnectionOfAnotherInstanceReportsThatItExisted() {
        RecordingClient b = client(two, "b", "bob", "json");
        b.onClose = () -> two.unregister(b);

        assertThat(one.closeConnection(HUB, "b", "bye").block()).isTrue();
        assertThat(b.closeReasons).containsExactly("bye");
        assertThat(one.connectionExists(HUB, "b").block()).isFalse();
        assertThat(one.closeConnection(HUB, "b", "again").block()).isFalse();
    }

    @Test
    void clientResultsAreRoutedToTheCallerAndFailWhenTheClientLeaves() {
        RecordingServer caller = new RecordingServer("s1-conn", HUB, "server-1");
        RecordingServer carrier = new RecordingServer("s2-conn", HUB, "server-2");
        one.addServer(caller);
        two.addServer(carrier);
        RecordingClient client = new RecordingClient("c", HUB, null, "json", "s2-conn");
        two.register(client);

        assertThat(one.invokeClient(HUB, "inv1", "c", "server-1", payloads("ask")).block()).isTrue();
        assertThat(client.received).containsExactly("json:ask");
        assertThat(carrier.routed).containsExactly("inv1@c for server-1");

        two.completeInvocation(HUB, "inv1", "c", "server-1", "json", new byte[] {1}, null, "server-2").block();
        assertThat(caller.completions).containsExactly("inv1:ok json");

        assertThat(one.invokeClient(HUB, "inv2", "c", "server-1", payloads("ask")).block()).isTrue();
        two.unregister(client);
        assertThat(caller.completions).containsExactly("inv1:ok json", "inv2:error Connection 'c' disconnected.");
        assertThat(one.invokeClient(HUB, "inv3", "c", "server-1", payloads("ask")).block()).isFalse();
    }

    @Test
    void aCompletionReportedByTheCallerItselfIsOnlyCleanedUp() {
        RecordingServer server = new RecordingServer("s1-conn", HUB, "server-1");
        one.addServer(server);
        RecordingClient client = new RecordingClient("c", HUB, null, "json", "s1-conn");
        one.register(client);

        one.invokeClient(HUB, "inv", "c", "server-1", payloads("ask")).block();
        assertThat(server.routed).isEmpty();
        one.completeInvocation(HUB, "inv", "c", "server-1", "json", new byte[] {1}, null, "server-1").block();
        assertThat(server.completions).isEmpty();
        assertThat(one.local().pendingInvocations()).isZero();
    }

    @Test
    void unansweredInvocationsTimeOut() {
        RecordingServer caller = new RecordingServer("s1-conn", HUB, "server-1");
        one.addServer(caller);
        one.register(new RecordingClient("c", HUB, null, "json", null));
        one.invokeClient(HUB, "inv", "c", "server-1", payloads("ask")).block();

        now.set(now.get().plus(RoutingLimits.DEFAULTS.clientInvocationTimeout()).plusSeconds(1));
        one.sweep();
        assertThat(caller.completions).containsExactly("inv:error " + ServiceRouter.INVOCATION_TIMEOUT_ERROR);
    }

    @Test
    void newClientsGoToTheLeastLoadedAcceptingServerHonouringStickiness() {
        RecordingServer s1 = new RecordingServer("c1", HUB, "server-1");
        RecordingServer s2 = new RecordingServer("c2", HUB, "server-2");
        one.addServer(s1);
        one.addServer(s2);
        one.register(new RecordingClient("x", HUB, null, "json", "c1"));

        assertThat(one.pickServer(HUB, null, false)).isSameAs(s2);
        assertThat(one.pickServer(HUB, "server-1", true)).isSameAs(s1);
        assertThat(one.pickServer(HUB, "server-9", true)).isNull();
        assertThat(one.pickServer(HUB, "server-9", false)).isSameAs(s2);
        s2.accepting = false;
        assertThat(one.pickServer(HUB, null, false)).isSameAs(s1);
        assertThat(one.pickServer("empty", null, false)).isNull();
        assertThat(one.removeServer(s1)).extracting(ClientConnection::id).containsExactly("x");
    }

    @Test
    void permanentUserMembershipsAreBounded() {
        for (int i = 0; i < RoutingLimits.DEFAULTS.maxPermanentGroupsPerUser() + 5; i++) {
            one.userJoinGroup(HUB, "alice", "g" + i, null).block();
        }
        assertThat(one.userInGroup(HUB, "alice", "g0").block()).isFalse();
        assertThat(one.userInGroup(HUB, "alice", "g5").block()).isTrue();
    }
}
