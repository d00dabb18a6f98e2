package io.hubkit.service.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.backplane.service.protocol.AckMessage;
import io.hubkit.backplane.service.protocol.AckStatus;
import io.hubkit.backplane.service.protocol.CheckConnectionExistenceWithAckMessage;
import io.hubkit.backplane.service.protocol.CheckGroupExistenceWithAckMessage;
import io.hubkit.backplane.service.protocol.BroadcastDataMessage;
import io.hubkit.backplane.service.protocol.ClientInvocationMessage;
import io.hubkit.backplane.service.protocol.GroupBroadcastDataMessage;
import io.hubkit.backplane.service.protocol.JoinGroupWithAckMessage;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.protocol.UserDataMessage;
import io.hubkit.service.HubServiceApplication;
import io.hubkit.service.testing.TestAppServer;
import io.hubkit.service.testing.TestHub;
import io.hubkit.service.testing.TestTokens;
import io.hubkit.spring.test.NodeClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.publisher.Mono;

/**
 * The official JavaScript client through the service to a test app server, over each transport
 * and both hub protocols (MessagePack where the transport carries binary):
 * handshake and tunnelled invocations, group / user / broadcast sends from the server, acks, a
 * client result, a large message sent in partial pieces; acks and existence checks for a live client;
 * a client whose app server goes away is closed with the documented reason.
 */
@SpringBootTest(classes = HubServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientTunnelEndToEndTest {

    private static final String KEY = TestTokens.DEVELOPMENT_KEY;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private final NodeClient node = NodeClient.create();

    private URI service() {
        return URI.create("http://localhost:" + port);
    }

    private static TestHub scriptedHub(TestAppServer server) {
        TestHub hub = new TestHub(server);
        AtomicInteger ackIds = new AtomicInteger(100);
        hub.on("echo", call -> Mono.just("echo:" + call.arguments().get(0).asText()));
        hub.on("join", call -> {
            int ackId = ackIds.incrementAndGet();
            server.send(new JoinGroupWithAckMessage(call.connectionId(), call.arguments().get(0).asText(), ackId,
                    ServiceExtensions.NONE));
            return Mono.fromCallable(() -> server.expect(AckMessage.class, ack -> ack.ackId() == ackId).status())
                    .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic());
        });
        hub.on("sendGroup", call -> {
            server.send(new GroupBroadcastDataMessage(call.arguments().get(0).asText(), List.of(),
                    TestHub.invocation("message", call.arguments().get(1).asText()), ServiceExtensions.NONE,
                    List.of(), null));
            return Mono.just(true);
        });
        hub.on("sendUser", call -> {
            server.send(new UserDataMessage(call.userId(), TestHub.invocation("message", call.arguments().get(0).asText()),
                    ServiceExtensions.NONE));
            return Mono.just(true);
        });
        hub.on("broadcast", call -> {
            server.send(new BroadcastDataMessage(List.of(), TestHub.invocation("message", call.arguments().get(0).asText()),
                    ServiceExtensions.NONE));
            return Mono.just(true);
        });
        hub.on("askClient", call -> {
            String invocationId = hub.nextInvocationId();
            CompletableFuture<JsonNode> result = hub.expectClientResult(invocationId);
            server.send(new ClientInvocationMessage(invocationId, call.connectionId(), server.serverId(),
                    TestHub.invocationWithId(invocationId, "getValue", call.arguments().get(0).asInt()),
                    ServiceExtensions.NONE));
            return Mono.fromFuture(result).map(JsonNode::asInt);
        });
        hub.on("big", call -> {
            int size = call.arguments().get(0).asInt();
            char[] text = new char[size];
            Arrays.fill(text, 'x');
            byte[] record = hub.payloadFor(call.connectionId(), TestHub.invocation("message", new String(text)));
            int piece = 16 * 1024;
            for (int offset = 0; offset < record.length; offset += piece) {
                int end = Math.min(record.length, offset + piece);
                hub.sendData(call.connectionId(), Arrays.copyOfRange(record, offset, end), end < record.length);
            }
            return Mono.just(true);
        });
        return hub;
    }

    @ParameterizedTest
    @CsvSource({"WebSockets,json", "ServerSentEvents,json", "LongPolling,json", "WebSockets,messagepack",
            "LongPolling,messagepack"})
    void anOfficialClientIsTunnelledToTheAppServer(String transport, String protocol) {
        String hubName = "tunnel" + transport.toLowerCase() + protocol;
        try (TestAppServer server = TestAppServer.connect(service(), hubName,
                TestTokens.server(KEY, hubName, "app-1"), "app-1")) {
            TestHub hub = scriptedHub(server);
            String token = TestTokens.client(KEY, hubName, Map.of("asrs.s.uid", "alice", "role", "tester"));

            JsonNode result = node.run("tunnel.js", service().toString(), hubName, token, transport, protocol);

            assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
            assertThat(result.path("echo").asText()).isEqualTo("echo:hi");
            assertThat(result.path("join").asInt()).isEqualTo(1);
            assertThat(result.path("groupMessage").asText()).isEqualTo("to the group");
            assertThat(result.path("userMessage").asText()).isEqualTo("to the user");
            assertThat(result.path("broadcastMessage").asText()).isEqualTo("to everyone");
            assertThat(result.path("clientResult").asInt()).isEqualTo(42);
            assertThat(result.path("bigMessageLength").asInt()).isEqualTo(100000);
            assertThat(result.path("state").asText()).isEqualTo("Disconnected");
            String connectionId = result.path("connectionId").asText();
            waitUntil(() -> hub.isClosed(connectionId), "the app server hears that the client left");

            assertThat(meters.get("hubkit.service.server.connections").tag("hub", hubName).gauge().value()).isEqualTo(1.0);
            assertThat(meters.get("hubkit.service.messages").tags("hub", hubName, "side", "client", "direction", "out")
                    .counter().count()).isGreaterThanOrEqualTo(8);
            assertThat(meters.get("hubkit.service.messages").tags("hub", hubName, "side", "server", "direction", "in")
                    .counter().count()).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void clientsAreClosedWhenTheirAppServerGoesAway() throws Exception {
        String hubName = "serverloss";
        TestAppServer server = TestAppServer.connect(service(), hubName, TestTokens.server(KEY, hubName, "app-1"), "app-1");
        scriptedHub(server);
        Path signal = Files.createTempFile("server-loss", ".txt");
        Files.delete(signal);
        CompletableFuture<JsonNode> run = CompletableFuture.supplyAsync(() -> node.run("server-loss.js",
                service().toString(), hubName, TestTokens.client(KEY, hubName, Map.of()), "WebSockets", signal.toString()));
        waitUntil(() -> Files.exists(signal) && !Files.readString(signal).isEmpty(), "the client to connect");
        String connectionId = Files.readString(signal).trim();

        server.send(new CheckConnectionExistenceWithAckMessage(connectionId, 1, ServiceExtensions.NONE));
        server.send(new JoinGroupWithAckMessage(connectionId, "members", 2, ServiceExtensions.NONE));
        server.send(new CheckGroupExistenceWithAckMessage("members", 3, ServiceExtensions.NONE));
        assertThat(server.expect(AckMessage.class, ack -> ack.ackId() == 1).status()).isEqualTo(AckStatus.OK.code());
        assertThat(server.expect(AckMessage.class, ack -> ack.ackId() == 2).status()).isEqualTo(AckStatus.OK.code());
        assertThat(server.expect(AckMessage.class, ack -> ack.ackId() == 3).status()).isEqualTo(AckStatus.OK.code());
        server.close();

        JsonNode result = run.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("closeError").asText()).contains(io.hubkit.service.server.ServerEndpoint.SERVER_GONE);
        Files.deleteIfExists(signal);
    }

    /** A check that may throw while the condition is not met yet (e.g. a file being written). */
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static boolean safely(Condition condition) {
        try {
            return condition.holds();
        } catch (Exception e) {
            return false;
        }
    }

    private static void waitUntil(Condition condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!safely(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
