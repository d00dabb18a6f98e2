package io.hubkit.service.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubkit.backplane.service.protocol.AckMessage;
import io.hubkit.backplane.service.protocol.AckStatus;
import io.hubkit.backplane.service.protocol.CheckConnectionExistenceWithAckMessage;
import io.hubkit.backplane.service.protocol.CheckGroupExistenceWithAckMessage;
import io.hubkit.backplane.service.protocol.CheckUserExistenceWithAckMessage;
import io.hubkit.backplane.service.protocol.CheckUserInGroupWithAckMessage;
import io.hubkit.backplane.service.protocol.ClientInvocationMessage;
import io.hubkit.backplane.service.protocol.CloseConnectionWithAckMessage;
import io.hubkit.backplane.service.protocol.ErrorCompletionMessage;
import io.hubkit.backplane.service.protocol.HandshakeRequestMessage;
import io.hubkit.backplane.service.protocol.HandshakeResponseMessage;
import io.hubkit.backplane.service.protocol.JoinGroupMessage;
import io.hubkit.backplane.service.protocol.JoinGroupWithAckMessage;
import io.hubkit.backplane.service.protocol.PingMessage;
import io.hubkit.backplane.service.protocol.ServiceErrorMessage;
import io.hubkit.backplane.service.protocol.ServiceEventKind;
import io.hubkit.backplane.service.protocol.ServiceEventMessage;
import io.hubkit.backplane.service.protocol.ServiceEventObjectType;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.protocol.UserJoinGroupWithAckMessage;
import io.hubkit.service.HubServiceApplication;
import io.hubkit.service.testing.TestAppServer;
import io.hubkit.service.testing.TestTokens;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server endpoint against a test app server over a real WebSocket: token checks before the
 * upgrade, the handshake, pings, acks and existence checks, client invocations for unknown
 * connections, ServiceEvent(NotExisted), and a malformed frame that closes only its own connection.
 */
@SpringBootTest(classes = HubServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServerEndpointTest {

    private static final String KEY = TestTokens.DEVELOPMENT_KEY;

    @LocalServerPort
    int port;

    private URI service() {
        return URI.create("http://localhost:" + port);
    }

    private TestAppServer connect(String hub, String serverId) {
        return TestAppServer.connect(service(), hub, TestTokens.server(KEY, hub, serverId), serverId);
    }

    @Test
    void tokensAreCheckedBeforeTheUpgrade() {
        assertThatThrownBy(() -> TestAppServer.open(service(), "chat", null, "s")).hasMessageContaining("refused");
        assertThatThrownBy(() -> TestAppServer.open(service(), "chat", TestTokens.server("another-key-another-key-another-key!", "chat", "s"), "s"))
                .hasMessageContaining("refused");
        assertThatThrownBy(() -> TestAppServer.open(service(), "chat", TestTokens.server(KEY, "other", "s"), "s"))
                .hasMessageContaining("refused");
        assertThatThrownBy(() -> TestAppServer.open(service(), "chat",
                TestTokens.token(KEY, "http://localhost/server/?hub=chat", Map.of("nameid", "s"), Duration.ofHours(-2)), "s"))
                .hasMessageContaining("refused");
        assertThatThrownBy(() -> TestAppServer.open(service(), "chat", TestTokens.client(KEY, "chat", Map.of()), "s"))
                .hasMessageContaining("refused");
    }

    @Test
    void anUnsupportedHandshakeVersionIsRefused() {
        try (TestAppServer server = TestAppServer.open(service(), "chat", TestTokens.server(KEY, "chat", "s"), "s")) {
            server.send(new HandshakeRequestMessage(2, 0, "", 0, ServiceExtensions.NONE, false));
            HandshakeResponseMessage response = server.expect(HandshakeResponseMessage.class, r -> true);
            assertThat(response.errorMessage()).contains("version");
            assertThat(server.awaitClosed()).isTrue();
        }
    }

    @Test
    void pingsAreAnswered() {
        try (TestAppServer server = connect("pings", "server-a")) {
            server.send(PingMessage.of("echo", "12345"));
            assertThat(server.expect(PingMessage.class, p -> p.messages().contains("echo")).messages())
                    .containsExactly("echo", "12345");
            server.send(PingMessage.of("servers", ""));
            String servers = server.expect(PingMessage.class, p -> p.messages().contains("servers")).messages().get(1);
            assertThat(servers).matches("\\d+:server-a");
            server.send(PingMessage.of("status", "1"));
            assertThat(server.expect(PingMessage.class, p -> p.messages().contains("status")).messages())
                    .containsExactly("status", "0");
            server.send(PingMessage.of("shutdown", "fin:0"));
            assertThat(server.expect(PingMessage.class, p -> p.messages().contains("shutdown")).messages())
                    .containsExactly("shutdown", "finack");
            assertThat(server.expect(PingMessage.class, p -> p.messages().isEmpty())).isNotNull(); // keep-alive
        }
    }

    @Test
    void acksAndExistenceChecksForUnknownTargets() {
        try (TestAppServer server = connect("acks", "server-a")) {
            server.send(new JoinGroupWithAckMessage("nobody", "g", 1, ServiceExtensions.NONE));
            server.send(new CheckConnectionExistenceWithAckMessage("nobody", 2, ServiceExtensions.NONE));
            server.send(new CheckUserExistenceWithAckMessage("nobody", 3, ServiceExtensions.NONE));
            server.send(new CheckGroupExistenceWithAckMessage("g", 4, ServiceExtensions.NONE));
            server.send(new UserJoinGroupWithAckMessage("alice", "g", 5, new ServiceExtensions(null, 60, null, null, null, null)));
            server.send(new CheckUserInGroupWithAckMessage("alice", "g", 6, ServiceExtensions.NONE));
            server.send(new CloseConnectionWithAckMessage("nobody", "bye", 7, ServiceExtensions.NONE));
            server.send(new JoinGroupWithAckMessage("nobody", "", 8, ServiceExtensions.NONE));

            assertThat(status(server, 1)).isEqualTo(AckStatus.NOT_FOUND.code());
            assertThat(status(server, 2)).isEqualTo(AckStatus.NOT_FOUND.code());
            assertThat(status(server, 3)).isEqualTo(AckStatus.NOT_FOUND.code());
            assertThat(status(server, 4)).isEqualTo(AckStatus.NOT_FOUND.code());
            assertThat(status(server, 5)).isEqualTo(AckStatus.OK.code());
            assertThat(status(server, 6)).isEqualTo(AckStatus.OK.code());
            assertThat(status(server, 7)).isEqualTo(AckStatus.NOT_FOUND.code());
            assertThat(status(server, 8)).isEqualTo(AckStatus.NOT_FOUND.code());

            server.send(new JoinGroupMessage("ghost", "g", ServiceExtensions.NONE));
            ServiceEventMessage event = server.expect(ServiceEventMessage.class, e -> true);
            assertThat(event.objectType()).isEqualTo(ServiceEventObjectType.CONNECTION.code());
            assertThat(event.id()).isEqualTo("ghost");
            assertThat(event.eventKind()).isEqualTo(ServiceEventKind.NOT_EXISTED.code());

            server.send(new ClientInvocationMessage("inv-1", "ghost", "server-a",
                    Map.of("json", new byte[] {'{', '}', 0x1e}), ServiceExtensions.NONE));
            ErrorCompletionMessage error = server.expect(ErrorCompletionMessage.class, e -> true);
            assertThat(error.invocationId()).isEqualTo("inv-1");
            assertThat(error.error()).isEqualTo("Connection 'ghost' does not exist.");
        }
    }

    @Test
    void aMalformedFrameClosesOnlyItsOwnConnection() {
        try (TestAppServer healthy = connect("malformed", "server-ok");
             TestAppServer broken = connect("malformed", "server-bad")) {
            broken.sendRaw(ByteBuffer.wrap(new byte[] {0x03, (byte) 0xc1, (byte) 0xc1, (byte) 0xc1}));
            ServiceErrorMessage error = broken.expect(ServiceErrorMessage.class, e -> true);
            assertThat(error.errorMessage()).isNotBlank();
            assertThat(broken.awaitClosed()).isTrue();

            healthy.send(new CheckUserExistenceWithAckMessage("nobody", 9, ServiceExtensions.NONE));
            assertThat(status(healthy, 9)).isEqualTo(AckStatus.NOT_FOUND.code());
            assertThat(healthy.isClosed()).isFalse();
        }
    }

    @Test
    void aMessageBeforeTheHandshakeIsAnError() {
        try (TestAppServer server = TestAppServer.open(service(), "chat", TestTokens.server(KEY, "chat", "s"), "s")) {
            server.send(PingMessage.KEEP_ALIVE);
            assertThat(server.expect(ServiceErrorMessage.class, e -> true).errorMessage()).contains("handshake");
            assertThat(server.awaitClosed()).isTrue();
        }
    }

    private static int status(TestAppServer server, int ackId) {
        AckMessage ack = server.expect(AckMessage.class, a -> a.ackId() == ackId);
        return ack.status();
    }
}
