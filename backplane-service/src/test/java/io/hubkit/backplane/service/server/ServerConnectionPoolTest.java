package io.hubkit.backplane.service.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.backplane.service.ServiceBackplaneOptions;
import io.hubkit.backplane.service.protocol.AckMessage;
import io.hubkit.backplane.service.protocol.AckStatus;
import io.hubkit.backplane.service.protocol.BroadcastDataMessage;
import io.hubkit.backplane.service.protocol.JoinGroupWithAckMessage;
import io.hubkit.backplane.service.protocol.PingMessage;
import io.hubkit.backplane.service.protocol.ServiceConnectionType;
import io.hubkit.backplane.service.protocol.ServiceErrorMessage;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.protocol.ServiceMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The server connections of one hub against a real WebSocket peer ({@link ServiceStub}):
 * handshake with the token and server id, sends over the primary connection, acknowledgements,
 * reconnecting after a drop, on-demand connections for {@code target} pings, graceful shutdown,
 * and a refused handshake.
 */
class ServerConnectionPoolTest {

    private final ServiceStub service = new ServiceStub();
    private final BlockingQueue<ServiceMessage> heard = new LinkedBlockingQueue<>();
    private ServerConnectionPool pool;

    private final ServiceAccess access = new ServiceAccess() {
        @Override
        public URI serverUrl(String hubKey, String connectionId, String target) {
            return URI.create("ws://127.0.0.1:" + service.port() + "/server/?hub=" + hubKey + "&cid=" + connectionId
                    + (target == null ? "" : "&target=" + target));
        }

        @Override
        public String serverToken(String hubKey) {
            return "token-for-" + hubKey;
        }

        @Override
        public String serverId() {
            return "server-1";
        }
    };

    private ServerConnectionPool pool(int connections) {
        ServiceBackplaneOptions options = ServiceBackplaneOptions.builder()
                .connectionString("Endpoint=http://127.0.0.1;AccessKey=x;Version=1.0;")
                .connectionCount(connections)
                .maxConnectionCount(connections + 1)
                .ackTimeout(Duration.ofSeconds(2))
                .build();
        pool = new ServerConnectionPool("chat", access, HttpClient.create(), options, new ServerConnectionListener() {
            @Override
            public void connected(ServerConnection connection) {
            }

            @Override
            public void received(ServerConnection connection, ServiceMessage message) {
                heard.add(message);
            }

            @Override
            public void disconnected(ServerConnection connection, Throwable error) {
            }
        });
        pool.start();
        return pool;
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
        service.close();
    }

    @Test
    void connectionsHandshakeWithTheServerTokenAndCarrySends() throws Exception {
        pool(2);
        ServiceStub.Peer first = service.nextConnected();
        ServiceStub.Peer second = service.nextConnected();
        for (ServiceStub.Peer peer : List.of(first, second)) {
            assertThat(peer.headers).containsEntry("authorization", "Bearer token-for-chat")
                    .containsEntry("x-asrs-server-id", "server-1");
            assertThat(peer.uri.getPath()).isEqualTo("/server/");
            assertThat(peer.uri.getQuery()).startsWith("hub=chat&cid=");
            assertThat(peer.handshake.version()).isEqualTo(1);
            assertThat(peer.handshake.connectionType()).isEqualTo(ServiceConnectionType.DEFAULT.code());
        }
        assertThat(first.uri.getQuery()).isNotEqualTo(second.uri.getQuery());
        awaitConnections(2);

        pool.send(new BroadcastDataMessage(List.of(), Map.of("json", new byte[] {1}), ServiceExtensions.NONE))
                .block(Duration.ofSeconds(10));
        ServiceStub.Peer primary = awaitPeerWithMessage();
        assertThat(primary.next()).isInstanceOf(BroadcastDataMessage.class);

        var ack = pool.sendWithAck(id -> new JoinGroupWithAckMessage("c1", "room", id, ServiceExtensions.NONE))
                .toFuture();
        JoinGroupWithAckMessage join = (JoinGroupWithAckMessage) primary.next();
        assertThat(join.connectionId()).isEqualTo("c1");
        primary.send(new AckMessage(join.ackId(), AckStatus.OK.code(), "", ServiceExtensions.NONE, null));
        assertThat(ack.get(10, TimeUnit.SECONDS).status()).isEqualTo(AckStatus.OK.code());
    }

    @Test
    void anUnansweredAckTimesOut() throws Exception {
        pool(1);
        service.nextConnected();
        awaitConnections(1);
        assertThat(pool.sendWithAck(id -> new JoinGroupWithAckMessage("c1", "room", id, ServiceExtensions.NONE))
                .map(ack -> "acknowledged")
                .onErrorResume(e -> Mono.just(e.getMessage()))
                .block(Duration.ofSeconds(10))).contains("did not acknowledge within 2000 ms");
    }

    @Test
    void aDroppedDefaultConnectionIsReopenedAndItsMessagesReachTheListener() throws Exception {
        pool(1);
        ServiceStub.Peer first = service.nextConnected();
        first.send(PingMessage.of("status", "1"));
        first.send(new ServiceErrorMessage(""));
        first.drop();
        ServiceStub.Peer second = service.nextConnected();
        assertThat(second.uri.getQuery()).isNotEqualTo(first.uri.getQuery());
        awaitConnections(1);
        second.send(new BroadcastDataMessage(List.of(), Map.of(), ServiceExtensions.NONE));
        assertThat(heard.poll(10, TimeUnit.SECONDS)).isInstanceOf(BroadcastDataMessage.class);
    }

    @Test
    void aTargetPingOpensOneOnDemandConnectionUpToTheCap() throws Exception {
        pool(1);
        ServiceStub.Peer first = service.nextConnected();
        first.send(PingMessage.of("target", "instance-2"));
        first.send(PingMessage.of("target", "instance-3"));
        ServiceStub.Peer extra = service.nextConnected();
        assertThat(extra.uri.getQuery()).contains("&target=instance-");
        assertThat(extra.handshake.connectionType()).isEqualTo(ServiceConnectionType.ON_DEMAND.code());
        assertThat(extra.handshake.target()).startsWith("instance-");
        awaitConnections(2);
        assertThat(service.connected.poll(1, TimeUnit.SECONDS)).as("the cap is 2").isNull();
    }

    @Test
    void shutdownWaitsForFinack() throws Exception {
        pool(1);
        ServiceStub.Peer peer = service.nextConnected();
        awaitConnections(1);
        pool.shutdown().block(Duration.ofSeconds(10));
        ServiceMessage fin;
        do {
            fin = peer.received.poll(10, TimeUnit.SECONDS);
        } while (fin instanceof PingMessage ping && ping.isKeepAlive());
        assertThat(((PingMessage) fin).messages()).containsExactly("shutdown", "fin:0");
    }

    @Test
    void aRefusedHandshakeIsReportedAndNothingCanBeSent() throws Exception {
        service.refusal = "Maximum message count limit reached: 100000";
        pool(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.lastError() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pool.lastError()).hasMessageContaining("Maximum message count limit reached");
        assertThat(pool.isConnected()).isFalse();
        assertThat(pool.send(new BroadcastDataMessage(List.of(), Map.of(), ServiceExtensions.NONE))
                .map(x -> "sent").onErrorResume(e -> Mono.just(e.getMessage()))
                .defaultIfEmpty("sent").block(Duration.ofSeconds(10))).startsWith("No server connection");
    }

    private ServiceStub.Peer awaitPeerWithMessage() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (ServiceStub.Peer peer : service.peers) {
                if (peer.received.stream().anyMatch(m -> !(m instanceof PingMessage))) {
                    return peer;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no message within 10 s");
    }

    private void awaitConnections(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.connections().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(pool.connections()).hasSize(count);
    }
}
