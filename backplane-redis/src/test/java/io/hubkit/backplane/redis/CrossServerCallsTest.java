package io.hubkit.backplane.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubkit.backplane.redis.testing.HubServer;
import io.hubkit.backplane.redis.testing.RedisServer;
import io.hubkit.core.HubException;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.testing.WireClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Group changes and client results that cross servers, including the paths that end in an error:
 * an owner that never acknowledges (ack timeout), a client that never answers (result timeout), a
 * client that answers with an error or disconnects, and an owning server that goes away while the
 * result is awaited.
 */
class CrossServerCallsTest {

    private static final Duration TIMEOUT = WireClient.TIMEOUT;
    private static final JsonHubProtocol JSON = new JsonHubProtocol();
    private static final MessagePackHubProtocol MESSAGE_PACK = new MessagePackHubProtocol();

    private static RedisServer redis;

    private final String prefix = "calls-" + UUID.randomUUID() + "/";
    private final List<HubServer> servers = new ArrayList<>();
    private RedisClient rawClient;

    /** A result type that must bind the same whichever protocol the answering client spoke. */
    public record Point(int x, int y) {
    }

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

    @AfterEach
    void stopServers() {
        servers.forEach(HubServer::close);
        if (rawClient != null) {
            rawClient.shutdown();
        }
    }

    private HubServer server(RedisBackplaneOptions.Builder options) {
        HubServer server = HubServer.start(options.uri(redis.uri()).channelPrefix(prefix).build(),
                HubProtocols.of(JSON, MESSAGE_PACK));
        servers.add(server);
        return server;
    }

    private HubServer server() {
        return server(RedisBackplaneOptions.builder());
    }

    /** Starts a client result and lets it run; the returned Mono replays its outcome. */
    private static <T> Mono<T> started(Mono<T> call) {
        Mono<T> cached = call.cache();
        cached.subscribe(v -> { }, e -> { });
        return cached;
    }

    private static String outcome(Mono<?> call) {
        return call.map(value -> "value " + value)
                .defaultIfEmpty("empty")
                .onErrorResume(e -> Mono.just(e.getClass().getSimpleName() + ": " + e.getMessage()))
                .block(TIMEOUT);
    }

    @Test
    void clientResultsOfBothProtocolsCrossServersBoundToTheCallersType() {
        HubServer caller = server();
        HubServer owner = server();
        WireClient json = owner.connect(JSON, null);
        WireClient messagePack = owner.connect(MESSAGE_PACK, null);

        for (WireClient client : List.of(json, messagePack)) {
            Mono<Point> point = started(caller.backplane().invokeConnection(client.connectionId(), "getPoint",
                    new Object[] {"where?"}, Point.class));
            InvocationMessage call = client.awaitInvocation("getPoint");
            assertThat(call.arguments()).containsExactly("where?");
            client.send(CompletionMessage.withResult(call.invocationId(), Map.of("x", 3, "y", 4)));
            assertThat(point.block(TIMEOUT)).isEqualTo(new Point(3, 4));

            Mono<Object> nothing = started(caller.backplane().invokeConnection(client.connectionId(), "doIt",
                    new Object[0], Object.class));
            client.send(CompletionMessage.empty(client.awaitInvocation("doIt").invocationId()));
            assertThat(outcome(nothing)).isEqualTo("empty");

            Mono<Object> failing = started(caller.backplane().invokeConnection(client.connectionId(), "fail",
                    new Object[0], Object.class));
            client.send(CompletionMessage.withError(client.awaitInvocation("fail").invocationId(), "No can do."));
            assertThat(outcome(failing)).isEqualTo("HubException: No can do.");
        }
    }

    @Test
    void aClientThatNeverAnswersTimesOutWithAClearError() {
        HubServer caller = server(RedisBackplaneOptions.builder().clientResultTimeout(Duration.ofMillis(300)));
        HubServer owner = server(RedisBackplaneOptions.builder().clientResultTimeout(Duration.ofMillis(300)));
        WireClient silent = owner.connect(JSON, null);

        Mono<Object> call = started(caller.backplane().invokeConnection(silent.connectionId(), "getNumber",
                new Object[0], Integer.class));
        InvocationMessage invocation = silent.awaitInvocation("getNumber");

        assertThat(outcome(call)).isEqualTo("HubException: Connection '" + silent.connectionId()
                + "' did not answer 'getNumber' within 300 ms.");
        // a late answer is ignored on both servers, and the connection goes on working
        silent.send(CompletionMessage.withResult(invocation.invocationId(), 1));
        Mono<Object> next = started(caller.backplane().invokeConnection(silent.connectionId(), "getNumber",
                new Object[0], Integer.class));
        silent.send(CompletionMessage.withResult(silent.awaitInvocation("getNumber").invocationId(), 2));
        assertThat(outcome(next)).isEqualTo("value 2");
    }

    @Test
    void aConnectionThatDisconnectsOrNeverExistedFailsTheCall() {
        HubServer caller = server();
        HubServer owner = server();
        WireClient leaving = owner.connect(MESSAGE_PACK, null);

        Mono<Object> call = started(caller.backplane().invokeConnection(leaving.connectionId(), "getNumber",
                new Object[0], Integer.class));
        leaving.awaitInvocation("getNumber");
        leaving.disconnect();

        assertThat(outcome(call)).isEqualTo("HubException: Connection '" + leaving.connectionId()
                + "' disconnected.");
        assertThat(outcome(caller.backplane().invokeConnection("no-such-connection", "getNumber", new Object[0],
                Integer.class))).isEqualTo("HubException: Connection 'no-such-connection' does not exist.");
    }

    @Test
    void aCallFailsSoonWhenTheOwningServerGoesAwayWithoutAnswering() {
        HubServer caller = server(RedisBackplaneOptions.builder()
                .connectionCheckInterval(Duration.ofMillis(100))
                .clientResultTimeout(Duration.ofMinutes(5)));
        HubServer owner = server();
        WireClient client = owner.connect(JSON, null);

        Mono<Object> call = started(caller.backplane().invokeConnection(client.connectionId(), "getNumber",
                new Object[0], Integer.class));
        client.awaitInvocation("getNumber");
        owner.backplane().close(); // like a crash: its subscriptions vanish, nobody answers

        assertThat(outcome(call)).as("not the five-minute timeout").isEqualTo("HubException: Connection '"
                + client.connectionId() + "' disconnected.");
    }

    @Test
    void aGroupChangeNobodyAcknowledgesFailsAfterTheAckTimeout() {
        HubServer server = server(RedisBackplaneOptions.builder().ackTimeout(Duration.ofMillis(300)));
        // a peer that holds connection "ghost" (its channel is subscribed) but never acknowledges
        rawClient = RedisClient.create(redis.uri());
        StatefulRedisPubSubConnection<String, String> ghost = rawClient.connectPubSub();
        ghost.sync().subscribe(prefix + "TestHub:connection:ghost");

        assertThatThrownBy(() -> server.backplane().addToGroup("ghost", "room").block(TIMEOUT))
                .isInstanceOf(RedisBackplaneException.class)
                .hasMessage("No server acknowledged adding connection 'ghost' to group 'room' within 300 ms: "
                        + "the connection is gone or its server is unreachable");
        assertThatThrownBy(() -> server.backplane().removeFromGroup("ghost", "room").block(TIMEOUT))
                .isInstanceOf(RedisBackplaneException.class)
                .hasMessageStartingWith("No server acknowledged removing connection 'ghost' from group 'room'");
        // the backplane goes on working
        WireClient local = server.connect(JSON, null);
        server.backplane().addToGroup(local.connectionId(), "room").block(TIMEOUT);
        server.backplane().sendGroup("room", "m", new Object[] {"still fine"}).block(TIMEOUT);
        assertThat(local.awaitInvocation("m").arguments()).containsExactly("still fine");
    }

    @Test
    void garbageOnTheHubsChannelsIsDroppedWithoutDisturbingAnything() {
        HubServer server = server();
        WireClient client = server.connect(JSON, "ann");
        server.backplane().addToGroup(client.connectionId(), "room").block(TIMEOUT);
        rawClient = RedisClient.create(redis.uri());
        var commands = rawClient.connect(io.lettuce.core.codec.ByteArrayCodec.INSTANCE).sync();
        RedisChannels channels = server.backplane().channels();
        for (String channel : List.of(channels.all(), channels.group("room"), channels.user("ann"),
                channels.connection(client.connectionId()), channels.groupManagement(), channels.ack(),
                channels.returnResults())) {
            byte[] name = channel.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            commands.publish(name, "not msgpack".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            commands.publish(name, new byte[] {(byte) 0x90}); // an empty array: too few items for anything
            commands.publish(name, new byte[] {(byte) 0x92, (byte) 0x90}); // an array cut short
        }

        server.backplane().sendGroup("room", "m", new Object[] {"still fine"}).block(TIMEOUT);

        assertThat(client.awaitInvocation("m").arguments()).containsExactly("still fine");
        assertThat(server.backplane().isConnected()).isTrue();
    }

    @Test
    void theWireOfAGroupChangeIsTheDotNetOne() {
        HubServer caller = server();
        HubServer owner = server();
        WireClient member = owner.connect(JSON, null);
        rawClient = RedisClient.create(redis.uri());
        StatefulRedisPubSubConnection<byte[], byte[]> spy = rawClient.connectPubSub(
                io.lettuce.core.codec.ByteArrayCodec.INSTANCE);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        spy.addListener(new io.lettuce.core.pubsub.RedisPubSubAdapter<>() {
            @Override
            public void message(byte[] pattern, byte[] channel, byte[] message) {
                String name = new String(channel, java.nio.charset.StandardCharsets.UTF_8);
                if (name.endsWith(":internal:groups")) {
                    GroupCommand command = RedisProtocol.readGroupCommand(message);
                    seen.add("command " + command.id() + " " + command.action() + " " + command.groupName() + " "
                            + command.connectionId() + " from " + command.serverName());
                } else {
                    seen.add("ack " + RedisProtocol.readAck(message) + " on " + name);
                }
            }
        });
        spy.sync().psubscribe((prefix + "TestHub:internal:*").getBytes(java.nio.charset.StandardCharsets.UTF_8));

        caller.backplane().addToGroup(member.connectionId(), "room").block(TIMEOUT);

        String server = caller.backplane().channels().serverName();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (seen.size() < 2 && System.nanoTime() < deadline) {
            Mono.delay(Duration.ofMillis(10)).block();
        }
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).matches("command (\\d+) ADD room " + member.connectionId() + " from " + server);
        String id = seen.get(0).split(" ")[1];
        assertThat(seen.get(1)).isEqualTo("ack " + id + " on " + prefix + "TestHub:internal:ack:" + server);
    }
}
