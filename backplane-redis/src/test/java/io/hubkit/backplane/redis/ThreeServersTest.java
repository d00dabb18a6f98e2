package io.hubkit.backplane.redis;

import static io.hubkit.backplane.redis.testing.HubServer.receivedBefore;
import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.backplane.redis.testing.HubServer;
import io.hubkit.backplane.redis.testing.RedisServer;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.testing.CountingProtocol;
import io.hubkit.core.testing.WireClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Three app servers of one hub on one Redis, clients of both protocols spread over them: every
 * routing call reaches exactly the right clients exactly once, group and user sends reach members
 * on all three servers, group changes of another server's connection are acknowledged by its owner,
 * and a send is encoded once per protocol by its sender and published once per target channel.
 */
class ThreeServersTest {

    private static final Duration TIMEOUT = WireClient.TIMEOUT;
    private static final String METHOD = "m";
    private static final String MARKER = "-- end --";

    private static RedisServer redis;

    private final List<CountingProtocol> jsonOf = new ArrayList<>();
    private final List<CountingProtocol> messagePackOf = new ArrayList<>();
    private final List<HubServer> servers = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void startServers() {
        RedisBackplaneOptions options = RedisBackplaneOptions.builder()
                .uri(redis.uri())
                .channelPrefix("three-" + UUID.randomUUID() + "/")
                .build();
        for (int i = 0; i < 3; i++) {
            CountingProtocol json = new CountingProtocol(new JsonHubProtocol());
            CountingProtocol messagePack = new CountingProtocol(new MessagePackHubProtocol());
            jsonOf.add(json);
            messagePackOf.add(messagePack);
            servers.add(HubServer.start(options, HubProtocols.of(json, messagePack)));
        }
    }

    @AfterEach
    void stopServers() {
        servers.forEach(HubServer::close);
    }

    private RedisBackplane backplane(int server) {
        return servers.get(server).backplane();
    }

    private WireClient connect(int server, boolean json, String user) {
        return servers.get(server).connect(json ? jsonOf.get(server) : messagePackOf.get(server), user);
    }

    private static void await(Mono<?> call) {
        call.block(TIMEOUT);
    }

    @Test
    void everyRoutingCallReachesExactlyTheRightClientsOnAllServers() {
        WireClient a = connect(0, true, "ann");
        WireClient b = connect(0, false, "bob");
        WireClient c = connect(1, false, "ann");
        WireClient d = connect(1, true, null);
        WireClient e = connect(2, true, "ann");
        WireClient f = connect(2, false, "carl");

        // "room" is joined from other servers (acknowledged by each owner); "lobby" locally
        await(backplane(1).addToGroup(a.connectionId(), "room"));
        await(backplane(2).addToGroup(c.connectionId(), "room"));
        await(backplane(0).addToGroup(e.connectionId(), "room"));
        await(backplane(0).addToGroup(b.connectionId(), "lobby"));
        await(backplane(1).addToGroup(d.connectionId(), "lobby"));
        await(backplane(2).addToGroup(f.connectionId(), "lobby"));

        await(backplane(0).sendAll(METHOD, new Object[] {"all"}));
        await(backplane(1).sendAllExcept(METHOD, new Object[] {"all but a and d"},
                List.of(a.connectionId(), d.connectionId())));
        await(backplane(2).sendConnection(a.connectionId(), METHOD, new Object[] {"to a"}));
        await(backplane(0).sendConnections(List.of(c.connectionId(), f.connectionId(), b.connectionId()), METHOD,
                new Object[] {"to c, f and b"}));
        await(backplane(1).sendGroup("room", METHOD, new Object[] {"room"}));
        await(backplane(2).sendGroups(List.of("room", "lobby"), METHOD, new Object[] {"room and lobby"}));
        await(backplane(0).sendGroupExcept("room", METHOD, new Object[] {"room but c"}, List.of(c.connectionId())));
        await(backplane(1).sendUser("ann", METHOD, new Object[] {"ann"}));
        await(backplane(2).sendUsers(List.of("bob", "carl", "nobody"), METHOD, new Object[] {"bob and carl"}));
        await(backplane(0).removeFromGroup(c.connectionId(), "room"));
        await(backplane(0).sendGroup("room", METHOD, new Object[] {"room after c left"}));
        await(backplane(2).sendAll(METHOD, new Object[] {MARKER}));

        // what reaches a client from several servers has no order between servers: compare as multisets
        assertThat(receivedBefore(a, METHOD, MARKER)).containsExactlyInAnyOrder(
                "all", "to a", "room", "room and lobby", "room but c", "ann", "room after c left");
        assertThat(receivedBefore(b, METHOD, MARKER)).containsExactlyInAnyOrder(
                "all", "all but a and d", "to c, f and b", "room and lobby", "bob and carl");
        assertThat(receivedBefore(c, METHOD, MARKER)).containsExactlyInAnyOrder(
                "all", "all but a and d", "to c, f and b", "room", "room and lobby", "ann");
        assertThat(receivedBefore(d, METHOD, MARKER)).containsExactlyInAnyOrder(
                "all", "room and lobby");
        assertThat(receivedBefore(e, METHOD, MARKER)).containsExactlyInAnyOrder(
                "all", "all but a and d", "room", "room and lobby", "room but c", "ann", "room after c left");
        assertThat(receivedBefore(f, METHOD, MARKER)).containsExactlyInAnyOrder(
                "all", "all but a and d", "to c, f and b", "room and lobby", "bob and carl");
    }

    @Test
    void aSendIsEncodedOncePerProtocolAndPublishedOncePerTargetChannel() {
        List<WireClient> clients = new ArrayList<>();
        for (int server = 0; server < 3; server++) {
            for (String group : List.of("g1", "g2", "g3")) {
                WireClient json = connect(server, true, "u" + server);
                WireClient messagePack = connect(server, false, "u" + server);
                await(backplane(server).addToGroup(json.connectionId(), group));
                await(backplane(server).addToGroup(messagePack.connectionId(), group));
                clients.add(json);
                clients.add(messagePack);
            }
        }
        WireClient remote = clients.get(clients.size() - 1);
        WireClient local = clients.get(0);
        redis.cli("config", "resetstat");

        await(backplane(0).sendGroups(List.of("g1", "g2", "g3"), "groups", new Object[] {"x"}));
        assertThat(publishCalls()).as("one publish per group").isEqualTo(3);
        await(backplane(0).sendUsers(List.of("u1", "u2"), "users", new Object[] {"y"}));
        assertThat(publishCalls()).as("one publish per user").isEqualTo(5);
        await(backplane(0).sendAll("all", new Object[] {"z"}));
        assertThat(publishCalls()).as("one publish for all").isEqualTo(6);
        await(backplane(0).sendConnections(List.of(local.connectionId(), remote.connectionId()), "connections",
                new Object[] {"w"}));
        assertThat(publishCalls()).as("one publish for the remote connection, none for the local one")
                .isEqualTo(7);
        await(backplane(2).sendAll(METHOD, new Object[] {MARKER}));

        for (WireClient client : clients) {
            assertThat(client.awaitInvocation("groups").arguments()).containsExactly("x");
            assertThat(client.awaitInvocation("all").arguments()).containsExactly("z");
            client.awaitInvocation(METHOD);
        }
        for (String target : List.of("groups", "users", "all", "connections")) {
            assertThat(jsonOf.get(0).invocationWrites(target)).as("json encodings of '%s' by the sender", target)
                    .isEqualTo(1);
            assertThat(messagePackOf.get(0).invocationWrites(target))
                    .as("messagepack encodings of '%s' by the sender", target).isEqualTo(1);
            for (int receiver = 1; receiver < 3; receiver++) {
                assertThat(jsonOf.get(receiver).invocationWrites(target) + messagePackOf.get(receiver)
                        .invocationWrites(target)).as("encodings of '%s' by receiving server %d", target, receiver)
                        .isZero();
            }
        }
    }

    @Test
    void groupChangesOfAnotherServersConnectionAreAcknowledgedByItsOwner() {
        WireClient there = connect(2, false, null);
        WireClient here = connect(0, true, null);

        await(backplane(0).addToGroup(there.connectionId(), "room"));
        await(backplane(1).sendGroup("room", METHOD, new Object[] {"joined"}));
        await(backplane(0).removeFromGroup(there.connectionId(), "room"));
        await(backplane(0).addToGroup(here.connectionId(), "room"));
        await(backplane(1).sendGroup("room", METHOD, new Object[] {"left"}));
        await(backplane(1).removeFromGroup("no-such-connection", "room"));
        await(backplane(1).addToGroup("no-such-connection", "room"));
        await(backplane(1).sendAll(METHOD, new Object[] {MARKER}));

        assertThat(receivedBefore(there, METHOD, MARKER)).containsExactly("joined");
        assertThat(receivedBefore(here, METHOD, MARKER)).containsExactly("left");
    }

    private static long publishCalls() {
        Matcher matcher = Pattern.compile("cmdstat_publish:calls=(\\d+)").matcher(redis.cli("info", "commandstats"));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
