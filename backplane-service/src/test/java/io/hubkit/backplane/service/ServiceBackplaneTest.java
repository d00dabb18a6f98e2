package io.hubkit.backplane.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.backplane.service.protocol.AckMessage;
import io.hubkit.backplane.service.protocol.AckStatus;
import io.hubkit.backplane.service.protocol.ClientCompletionMessage;
import io.hubkit.backplane.service.protocol.ClientInvocationMessage;
import io.hubkit.backplane.service.protocol.CloseConnectionMessage;
import io.hubkit.backplane.service.protocol.ConnectionDataMessage;
import io.hubkit.backplane.service.protocol.ErrorCompletionMessage;
import io.hubkit.backplane.service.protocol.GroupBroadcastDataMessage;
import io.hubkit.backplane.service.protocol.JoinGroupWithAckMessage;
import io.hubkit.backplane.service.protocol.LeaveGroupWithAckMessage;
import io.hubkit.backplane.service.protocol.OpenConnectionMessage;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.protocol.ServiceMessage;
import io.hubkit.backplane.service.server.ServiceStub;
import io.hubkit.core.HubEndpoint;
import io.hubkit.core.HubOptions;
import io.hubkit.core.context.HubCallerContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The service backplane of a real hub against a real WebSocket peer playing the service
 * ({@link ServiceStub}): a client the service opens runs on the hub (handshake and invocations
 * tunnelled as ConnectionData, the user from the token claims, the path from {@code asrs.op}), the
 * routing calls become the documented messages, group changes wait for the service's Ack (not
 * found is fine, an error or no answer fails clearly), client results go both ways, and a client
 * ends when the service closes it or when its server connection drops.
 */
class ServiceBackplaneTest {

    private static final char RS = '\u001e';

    /** The hub the service's clients talk to. */
    public static class EchoHub {

        public String echo(String text, HubCallerContext caller) {
            return text + " from " + caller.userIdentifier() + " at " + caller.connectionInfo().path();
        }
    }

    private final ServiceStub service = new ServiceStub();
    private ServiceBackplaneFactory factory;
    private HubEndpoint hub;
    private ServiceBackplane backplane;
    private ServiceStub.Peer peer;

    @BeforeEach
    void start() throws InterruptedException {
        factory = new ServiceBackplaneFactory(ServiceBackplaneOptions.builder()
                .connectionString("Endpoint=http://127.0.0.1;Port=" + service.port() + ";AccessKey=key;Version=1.0;")
                .connectionCount(1)
                .ackTimeout(Duration.ofSeconds(1))
                .serverId("app-1")
                .build());
        hub = HubEndpoint.builder(new EchoHub()).name("Echo").backplaneFactory(factory)
                .options(HubOptions.builder().clientResultTimeout(Duration.ofSeconds(10)).build())
                .build();
        backplane = (ServiceBackplane) hub.backplane();
        backplane.attach(hub.connectionHandler(), "/default");
        peer = service.nextConnected();
        assertThat(peer.uri.getQuery()).startsWith("hub=echo&cid=");
        assertThat(peer.headers.get("authorization")).startsWith("Bearer ey");
        assertThat(peer.headers).containsEntry("x-asrs-server-id", "app-1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!backplane.pool().isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @AfterEach
    void stop() {
        hub.close();
        factory.close();
        service.close();
    }

    private void open(String id) {
        peer.send(new OpenConnectionMessage(id, List.of(new ServiceClaim("asrs.s.uid", "ann")), Map.of(),
                "?hub=echo&asrs.op=%2Fhubs%2Fecho", ServiceExtensions.NONE.withProtocol("json")));
    }

    private void clientSends(String id, String text) {
        peer.send(new ConnectionDataMessage(id, text.getBytes(StandardCharsets.UTF_8), ServiceExtensions.NONE));
    }

    /** What the app wrote to client {@code id}, accumulated until it contains {@code expected}. */
    private String clientReceives(String id, String expected) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().contains(expected)) {
            ServiceMessage message = peer.next();
            if (message instanceof ConnectionDataMessage data && data.connectionId().equals(id)) {
                text.append(new String(data.payload(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private <T extends ServiceMessage> T next(Class<T> type) throws InterruptedException {
        for (;;) {
            ServiceMessage message = peer.next();
            if (type.isInstance(message)) {
                return (T) message;
            }
        }
    }

    private void awaitClients(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (backplane.clients().size() != count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(backplane.clients().size()).isEqualTo(count);
    }

    @Test
    void aClientOpenedByTheServiceRunsOnTheHub() throws InterruptedException {
        open("c1");
        clientSends("c1", "{\"protocol\":\"json\",\"version\":1}" + RS);
        assertThat(clientReceives("c1", "{}" + RS)).startsWith("{}" + RS);

        clientSends("c1", "{\"type\":1,\"invocationId\":\"1\",\"target\":\"echo\",\"arguments\":[\"hi\"]}" + RS);
        assertThat(clientReceives("c1", "\"invocationId\":\"1\"")).contains("hi from ann at /hubs/echo");

        backplane.sendConnection("c1", "note", new Object[] {"direct"}).block(Duration.ofSeconds(5));
        assertThat(clientReceives("c1", "direct")).as("a connection routed here gets it down its own connection")
                .contains("\"target\":\"note\"");

        peer.send(new CloseConnectionMessage("c1", "", Map.of(), ServiceExtensions.NONE));
        awaitClients(0);
    }

    @Test
    void routingCallsBecomeServiceMessagesAndGroupChangesWaitForTheAck() throws InterruptedException {
        backplane.sendGroup("room", "m", new Object[] {"x"}).block(Duration.ofSeconds(5));
        GroupBroadcastDataMessage group = next(GroupBroadcastDataMessage.class);
        assertThat(group.groupName()).isEqualTo("room");
        assertThat(group.payloads()).containsOnlyKeys("json", "messagepack");
        assertThat(new String(group.payloads().get("json"), StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":1,\"target\":\"m\",\"arguments\":[\"x\"]}" + RS);

        var joined = backplane.addToGroup("c9", "room").toFuture();
        JoinGroupWithAckMessage join = next(JoinGroupWithAckMessage.class);
        peer.send(new AckMessage(join.ackId(), AckStatus.NOT_FOUND.code(), "", ServiceExtensions.NONE, null));
        assertThat(Mono.fromFuture(joined).thenReturn("done").block(Duration.ofSeconds(5))).isEqualTo("done");

        var left = backplane.removeFromGroup("c9", "room").toFuture();
        LeaveGroupWithAckMessage leave = next(LeaveGroupWithAckMessage.class);
        peer.send(new AckMessage(leave.ackId(), AckStatus.INTERNAL_SERVER_ERROR.code(), "boom",
                ServiceExtensions.NONE, null));
        assertThat(Mono.fromFuture(left).thenReturn("done").onErrorResume(e -> Mono.just(e.getMessage()))
                .block(Duration.ofSeconds(5)))
                .isEqualTo("The service could not remove connection 'c9' from group 'room': INTERNAL_SERVER_ERROR (boom)");

        assertThat(backplane.addToGroup("c9", "room").thenReturn("done").onErrorResume(e -> Mono.just(e.getMessage()))
                .block(Duration.ofSeconds(5)))
                .startsWith("The service did not acknowledge the request to add connection 'c9' to group 'room'");
    }

    @Test
    void clientResultsOfOtherServersComeBackThroughTheService() throws InterruptedException {
        var answer = backplane.<Integer>invokeConnection("c9", "compute", new Object[] {20}, Integer.class).toFuture();
        ClientInvocationMessage invocation = next(ClientInvocationMessage.class);
        assertThat(invocation.connectionId()).isEqualTo("c9");
        assertThat(invocation.callerServerId()).isEqualTo("app-1");
        String completion = "{\"type\":3,\"invocationId\":\"" + invocation.invocationId() + "\",\"result\":42}" + RS;
        peer.send(new ClientCompletionMessage(invocation.invocationId(), "c9", "app-2", "json",
                completion.getBytes(StandardCharsets.UTF_8), ServiceExtensions.NONE));
        assertThat(Mono.fromFuture(answer).block(Duration.ofSeconds(5))).isEqualTo(42);

        var failing = backplane.<Integer>invokeConnection("c8", "compute", new Object[0], Integer.class).toFuture();
        ClientInvocationMessage second = next(ClientInvocationMessage.class);
        peer.send(new ErrorCompletionMessage(second.invocationId(), "c8", "app-1",
                "Connection 'c8' does not exist.", ServiceExtensions.NONE));
        assertThat(Mono.fromFuture(failing).map(Object::toString).onErrorResume(e -> Mono.just(e.getMessage()))
                .block(Duration.ofSeconds(5))).isEqualTo("Connection 'c8' does not exist.");
    }

    @Test
    void aClientResultAskedByAnotherServerIsReportedBack() throws InterruptedException {
        open("c1");
        clientSends("c1", "{\"protocol\":\"json\",\"version\":1}" + RS);
        clientReceives("c1", "{}" + RS);
        awaitClients(1);

        peer.send(new ClientInvocationMessage("inv-7", "c1", "app-2", Map.of("json",
                "{\"type\":1,\"invocationId\":\"inv-7\",\"target\":\"compute\",\"arguments\":[]}\u001e"
                        .getBytes(StandardCharsets.UTF_8)), ServiceExtensions.NONE));
        // the service wrote the invocation to the client; the client answers through its connection
        clientSends("c1", "{\"type\":3,\"invocationId\":\"inv-7\",\"result\":7}" + RS);
        ClientCompletionMessage completion = next(ClientCompletionMessage.class);
        assertThat(completion.invocationId()).isEqualTo("inv-7");
        assertThat(completion.callerServerId()).isEqualTo("app-2");
        assertThat(completion.protocol()).isEqualTo("json");
        assertThat(new String(completion.payload(), StandardCharsets.UTF_8)).contains("\"result\":7");
    }

    @Test
    void clientsOfALostServerConnectionEndAndTheConnectionComesBack() throws InterruptedException {
        open("c1");
        clientSends("c1", "{\"protocol\":\"json\",\"version\":1}" + RS);
        clientReceives("c1", "{}" + RS);
        awaitClients(1);

        peer.drop();
        awaitClients(0);
        ServiceStub.Peer again = service.nextConnected();
        assertThat(again.uri.getQuery()).isNotEqualTo(peer.uri.getQuery());
    }

    @Test
    void aClientEndedByTheHubIsClosedAtTheService() throws InterruptedException {
        open("c1");
        clientSends("c1", "{\"protocol\":\"nope\",\"version\":1}" + RS);
        assertThat(clientReceives("c1", "error")).contains("The protocol 'nope' is not supported.");
        CloseConnectionMessage close = next(CloseConnectionMessage.class);
        assertThat(close.connectionId()).isEqualTo("c1");
        awaitClients(0);
    }

    @Test
    void closingTheHubClosesItsClientsAtTheServiceBeforeLeaving() throws InterruptedException {
        open("c1");
        clientSends("c1", "{\"protocol\":\"json\",\"version\":1}" + RS);
        clientReceives("c1", "{}" + RS);
        awaitClients(1);

        hub.close();

        CloseConnectionMessage close = next(CloseConnectionMessage.class);
        assertThat(close.connectionId()).isEqualTo("c1");
    }
}
