package io.hubkit.backplane.redis;

import static io.hubkit.backplane.redis.testing.HubServer.receivedBefore;
import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.backplane.redis.testing.HubServer;
import io.hubkit.backplane.redis.testing.RedisServer;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.testing.WireClient;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Redis is killed in the middle of a run and started again on the same port: while it is away,
 * local delivery goes on, cross-server calls fail at once with a clear error, new connections
 * still connect and health is DOWN; when it is back, the same backplanes (never restarted)
 * reconnect, restore every subscription — including those made during the outage — report UP,
 * and the next messages flow across servers.
 */
class RedisOutageTest {

    private static final Duration TIMEOUT = WireClient.TIMEOUT;
    /** How long Lettuce may take to notice Redis is gone or back (only to avoid hangs). */
    private static final Duration RECONNECT = Duration.ofSeconds(30);
    private static final JsonHubProtocol JSON = new JsonHubProtocol();
    private static final MessagePackHubProtocol MESSAGE_PACK = new MessagePackHubProtocol();
    private static final String METHOD = "m";
    private static final String MARKER = "-- end --";

    private RedisServer redis;
    private HubServer one;
    private HubServer two;

    @BeforeEach
    void start() {
        redis = RedisServer.start();
        RedisBackplaneOptions options = RedisBackplaneOptions.builder()
                .uri(redis.uri())
                .maxReconnectDelay(Duration.ofMillis(200))
                .commandTimeout(Duration.ofSeconds(2))
                .build();
        one = HubServer.start(options, HubProtocols.of(JSON, MESSAGE_PACK));
        two = HubServer.start(options, HubProtocols.of(JSON, MESSAGE_PACK));
    }

    @AfterEach
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {one, two, redis}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }

    private static void await(Mono<?> call) {
        call.block(TIMEOUT);
    }

    private static String outcome(Mono<?> call) {
        return call.map(value -> "value " + value)
                .defaultIfEmpty("done")
                .onErrorResume(e -> Mono.just(e.getClass().getSimpleName() + ": " + e.getMessage()))
                .block(TIMEOUT);
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + RECONNECT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + RECONNECT + ": " + what);
            }
            Mono.delay(Duration.ofMillis(20)).block();
        }
    }

    private static boolean healthIs(HubServer server, boolean up) {
        RedisBackplaneHealth health = server.factory().health().block(TIMEOUT);
        return health != null && health.up() == up;
    }

    private static boolean fullyRestored(HubServer server) {
        RedisBackplaneHealth health = server.factory().health().block(TIMEOUT);
        if (health == null || !health.up()) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> hubs = (List<java.util.Map<String, Object>>) health.details().get("hubs");
        return hubs.stream().allMatch(hub -> Integer.valueOf(0).equals(hub.get("pendingSubscriptions")));
    }

    @Test
    void theServersRecoverWithoutRestartAndLocalDeliveryNeverStops() {
        WireClient here = one.connect(JSON, "ann");
        WireClient there = two.connect(MESSAGE_PACK, "ann");
        await(one.backplane().addToGroup(here.connectionId(), "room"));
        await(one.backplane().addToGroup(there.connectionId(), "room"));
        await(two.backplane().sendGroup("room", METHOD, new Object[] {"before"}));
        assertThat(healthIs(one, true)).isTrue();

        redis.kill();
        eventually("both servers notice that Redis is gone",
                () -> !one.backplane().isConnected() && !two.backplane().isConnected());
        assertThat(healthIs(one, false)).as("health DOWN").isTrue();

        // local delivery goes on; the send says that only this server's connections got it
        assertThat(outcome(one.backplane().sendGroup("room", METHOD, new Object[] {"during, local only"})))
                .startsWith("RedisBackplaneException: Redis is unreachable")
                .endsWith("the message reached this server's connections only");
        await(one.backplane().sendConnection(here.connectionId(), METHOD, new Object[] {"during, direct"}));
        // local group changes and new connections keep working
        WireClient newcomer = one.connectWithoutWaiting(JSON, "bob");
        await(one.backplane().addToGroup(newcomer.connectionId(), "joined during outage"));
        await(one.backplane().sendConnection(newcomer.connectionId(), METHOD, new Object[] {"welcome"}));
        // whatever needs another server fails at once with a clear error (no command timeout)
        assertThat(outcome(one.backplane().addToGroup(there.connectionId(), "other room")))
                .isEqualTo("RedisBackplaneException: Redis is unreachable (" + "standalone 127.0.0.1:" + redis.port()
                        + "): removing".replace("removing", "adding connection '" + there.connectionId()
                        + "' to group 'other room' failed: the connection is not on this server"));
        assertThat(outcome(one.backplane().invokeConnection(there.connectionId(), "getNumber", new Object[0],
                Integer.class))).startsWith("RedisBackplaneException: Redis is unreachable")
                .contains("cannot invoke 'getNumber' on connection '" + there.connectionId() + "'");
        assertThat(outcome(one.backplane().sendConnection(there.connectionId(), METHOD, new Object[] {"lost"})))
                .startsWith("RedisBackplaneException: Redis is unreachable");

        redis.restart();
        eventually("both servers are UP with every subscription restored",
                () -> fullyRestored(one) && fullyRestored(two));

        // the next messages flow across servers, on subscriptions restored and made during the outage
        await(two.backplane().sendGroup("room", METHOD, new Object[] {"after"}));
        await(two.backplane().sendUser("bob", METHOD, new Object[] {"to bob"}));
        await(two.backplane().sendGroup("joined during outage", METHOD, new Object[] {"to the newcomer's group"}));
        await(two.backplane().addToGroup(newcomer.connectionId(), "room"));
        await(two.backplane().sendGroup("room", METHOD, new Object[] {"room with newcomer"}));
        Mono<Object> result = one.backplane().invokeConnection(there.connectionId(), "getNumber", new Object[0],
                Integer.class).cache();
        result.subscribe(v -> { }, e -> { });
        there.send(CompletionMessage.withResult(there.awaitInvocation("getNumber").invocationId(), 7));
        assertThat(outcome(result)).isEqualTo("value 7");
        await(two.backplane().sendAll(METHOD, new Object[] {MARKER}));

        assertThat(receivedBefore(here, METHOD, MARKER)).containsExactly(
                "before", "during, local only", "during, direct", "after", "room with newcomer");
        assertThat(receivedBefore(there, METHOD, MARKER)).as("nothing published during the outage")
                .containsExactly("before", "after", "room with newcomer");
        assertThat(receivedBefore(newcomer, METHOD, MARKER)).containsExactly(
                "welcome", "to bob", "to the newcomer's group", "room with newcomer");
    }
}
