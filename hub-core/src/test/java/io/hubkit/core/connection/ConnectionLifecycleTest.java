package io.hubkit.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.HubException;
import io.hubkit.core.HubOptions;
import io.hubkit.core.annotation.OnConnected;
import io.hubkit.core.annotation.OnDisconnected;
import io.hubkit.core.backplane.LocalBackplane;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.core.protocol.CloseMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocolException;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.protocol.PingMessage;
import io.hubkit.core.testing.InMemoryTransport;
import io.hubkit.core.testing.Protocols;
import io.hubkit.core.testing.WireClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A connection's life after the handshake: callbacks, the ways it ends (client Close, abort,
 * protocol errors, oversize, timeouts, slow consumers, shutdown), keep-alive, and write coalescing.
 */
class ConnectionLifecycleTest {

    /** Records its callbacks; its connected callback fails on demand. */
    public static class LifecycleHub {

        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Throwable> disconnectErrors = new CopyOnWriteArrayList<>();
        volatile RuntimeException failOnConnected;

        @OnConnected
        public Mono<Void> connected(HubCallerContext context) {
            if (failOnConnected != null) {
                return Mono.error(failOnConnected);
            }
            events.add("connected " + context.connectionId());
            return Mono.empty();
        }

        @OnDisconnected
        public void disconnected(HubCallerContext context, Throwable error) {
            events.add("disconnected " + context.connectionId());
            if (error != null) {
                disconnectErrors.add(error);
            }
        }

        public String echo(String text) {
            return text;
        }

        public void abortMe(HubCallerContext context) {
            context.abort();
        }

        public Mono<Void> burst(HubCallerClients clients, int count) {
            return Flux.range(1, count).concatMap(i -> clients.caller().send("item", i)).then();
        }

        public Mono<String> slow() {
            return Mono.delay(Duration.ofMillis(300)).thenReturn("slow");
        }
    }

    private final LifecycleHub hub = new LifecycleHub();
    private HubEndpoint endpoint;

    @AfterEach
    void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private HubConnectionHandler handler(HubOptions options) {
        endpoint = HubEndpoint.builder(hub).options(options).build();
        return endpoint.connectionHandler();
    }

    private HubConnectionHandler handler() {
        return handler(HubOptions.defaults());
    }

    private static HubOptions.Builder fastTimers() {
        return HubOptions.builder().heartbeatInterval(Duration.ofMillis(20));
    }

    static List<HubProtocol> protocols() {
        return Protocols.both().toList();
    }

    private void awaitDisconnected(WireClient client) {
        client.awaitEnded();
        assertThat(hub.events).contains("disconnected " + client.connectionId());
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void clientCloseEndsGracefullyWithABareClose(HubProtocol protocol) {
        WireClient client = WireClient.connect(handler(), protocol);
        assertThat(hub.events).containsExactly("connected " + client.connectionId());

        client.send(CloseMessage.EMPTY);

        assertThat(client.awaitClose()).isEqualTo(CloseMessage.EMPTY);
        awaitDisconnected(client);
        assertThat(hub.disconnectErrors).isEmpty();
        assertThat(client.transport().isClosed()).isTrue();
        assertThat(((LocalBackplane) endpoint.backplane()).connections().size()).isZero();
    }

    @Test
    void clientGoingAwayRunsTheDisconnectedCallback() {
        WireClient client = WireClient.connect(handler(), new JsonHubProtocol());

        client.disconnect();

        awaitDisconnected(client);
        assertThat(hub.disconnectErrors).isEmpty();
        assertThat(endpoint.connectionHandler().connectionCount()).isZero();
        assertThat(((LocalBackplane) endpoint.backplane()).connections().size()).isZero();
    }

    @Test
    void aFailingConnectedCallbackClosesWithoutReconnect() {
        hub.failOnConnected = new IllegalStateException("database down");
        WireClient client = new WireClient(handler(), new JsonHubProtocol(), InMemoryTransport.webSockets(),
                WireClient.request(null, Map.of()));

        assertThat(client.handshake().isSuccess()).isTrue();

        assertThat(client.awaitClose()).isEqualTo(new CloseMessage("Connection closed with an error.", false));
        client.awaitEnded();
        assertThat(hub.events).as("no disconnected callback without a connected one").isEmpty();
        assertThat(((LocalBackplane) endpoint.backplane()).connections().size()).isZero();
    }

    @Test
    void aHubExceptionInTheConnectedCallbackReachesTheClient() {
        hub.failOnConnected = new HubException("not today");
        WireClient client = new WireClient(handler(), new JsonHubProtocol(), InMemoryTransport.webSockets(),
                WireClient.request(null, Map.of()));
        client.handshake();

        assertThat(client.awaitClose())
                .isEqualTo(new CloseMessage("Connection closed with an error. HubException: not today", false));
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void abortFromTheHubSendsABareClose(HubProtocol protocol) {
        WireClient client = WireClient.connect(handler(), protocol);

        client.invoke("abortMe");

        assertThat(client.awaitClose()).isEqualTo(CloseMessage.EMPTY);
        awaitDisconnected(client);
    }

    @Test
    void malformedInputClosesThatConnectionOnly() {
        HubConnectionHandler handler = handler();
        WireClient bystander = WireClient.connect(handler, new JsonHubProtocol());
        WireClient json = WireClient.connect(handler, new JsonHubProtocol());
        WireClient msgpack = WireClient.connect(handler, new MessagePackHubProtocol());

        json.sendBytes("{\"type\":1,\"target\":\u001e".getBytes(StandardCharsets.UTF_8));
        msgpack.sendBytes(new byte[] {0x03, (byte) 0x93, (byte) 0xc1, 0x01});

        for (WireClient broken : List.of(json, msgpack)) {
            assertThat(broken.awaitClose()).isEqualTo(new CloseMessage("Connection closed with an error.", true));
            awaitDisconnected(broken);
        }
        assertThat(hub.disconnectErrors).hasSize(2).allMatch(e -> e instanceof HubProtocolException);
        assertThat(bystander.invokeAndWait("echo", "still here").result()).isEqualTo("still here");
        assertThat(bystander.hasEnded()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("protocols")
    void anOversizedMessageClosesTheConnection(HubProtocol protocol) {
        HubConnectionHandler handler = handler(HubOptions.builder().maximumReceiveMessageSize(64)
                .enableDetailedErrors(true).build());
        WireClient client = WireClient.connect(handler, protocol);

        client.send(new InvocationMessage("1", "echo", List.of("x".repeat(200)), null, Map.of()));

        assertThat(client.awaitClose()).isEqualTo(new CloseMessage("Connection closed with an error. "
                + "InvalidDataException: The maximum message size of 64B was exceeded. The message size can be "
                + "configured in AddHubOptions.", true));
        awaitDisconnected(client);
    }

    @Test
    void unknownMessageTypesAreIgnored() {
        WireClient client = WireClient.connect(handler(), new JsonHubProtocol());

        client.sendBytes("{\"type\":99,\"future\":true}\u001e".getBytes(StandardCharsets.UTF_8));

        assertThat(client.invokeAndWait("echo", "fine").result()).isEqualTo("fine");
    }

    @Test
    void keepAlivePingsWhenNothingWasSent() {
        HubConnectionHandler handler = handler(fastTimers().keepAliveInterval(Duration.ofMillis(50)).build());
        WireClient client = WireClient.connect(handler, new JsonHubProtocol());

        assertThat(client.await(PingMessage.class, p -> true)).isEqualTo(PingMessage.INSTANCE);
    }

    @Test
    void noPingsOnTransportsWithInherentKeepAlive() {
        HubConnectionHandler handler = handler(fastTimers().keepAliveInterval(Duration.ofMillis(20)).build());
        WireClient client = new WireClient(handler, new JsonHubProtocol(),
                new InMemoryTransport("LongPolling", false, false), WireClient.request(null, Map.of()));
        assertThat(client.handshake().isSuccess()).isTrue();

        assertThat(client.invokeAndWait("slow").result()).isEqualTo("slow");
        assertThat(client.received()).noneMatch(m -> m instanceof PingMessage);
    }

    @Test
    void clientTimeoutCountsFromTheFirstPing() {
        HubConnectionHandler handler = handler(fastTimers().clientTimeoutInterval(Duration.ofMillis(200)).build());
        WireClient silentWithoutPing = WireClient.connect(handler, new JsonHubProtocol());
        WireClient pingedOnce = WireClient.connect(handler, new JsonHubProtocol());

        pingedOnce.send(PingMessage.INSTANCE);

        assertThat(pingedOnce.awaitClose()).isEqualTo(new CloseMessage("Connection closed with an error.", true));
        awaitDisconnected(pingedOnce);
        assertThat(hub.disconnectErrors).singleElement().isInstanceOf(TimeoutException.class);
        assertThat(silentWithoutPing.hasEnded()).isFalse();
        assertThat(silentWithoutPing.invokeAndWait("echo", "alive").result()).isEqualTo("alive");
    }

    @Test
    void writesAreCoalescedWhileOneIsInFlight() {
        WireClient client = WireClient.connect(handler(), new JsonHubProtocol());
        client.transport().holdWrites();

        String id = client.invoke("burst", 5);
        client.transport().releaseWrites();
        assertThat(client.awaitCompletion(id).error()).isNull();

        List<InMemoryTransport.Frame> frames = client.transport().frames();
        assertThat(frames).as("handshake, the held first item, then everything else at once").hasSize(3);
        assertThat(records(frames.get(2), client.protocol())).hasSize(5);
        assertThat(client.transport().overlappingWrites()).isFalse();
    }

    @Test
    void aSlowConsumerIsClosedInsteadOfBufferingWithoutBound() {
        HubConnectionHandler handler = handler(HubOptions.builder().outboundQueueCapacity(5).build());
        WireClient client = WireClient.connect(handler, new JsonHubProtocol());
        client.transport().holdWrites();

        client.invoke("burst", 20);
        client.transport().releaseWrites();

        assertThat(client.awaitClose()).isEqualTo(new CloseMessage("Connection closed with an error.", true));
        awaitDisconnected(client);
        assertThat(client.received()).filteredOn(m -> m instanceof InvocationMessage).hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void aBrokenTransportEndsTheConnection() {
        WireClient client = WireClient.connect(handler(), new JsonHubProtocol());
        client.transport().failWrites();

        client.invoke("echo", "lost");

        awaitDisconnected(client);
        assertThat(hub.disconnectErrors).singleElement().extracting(Throwable::getMessage).asString().contains("broken");
    }

    @Test
    void shuttingDownTheEndpointLetsClientsReconnect() {
        WireClient client = WireClient.connect(handler(), new JsonHubProtocol());

        endpoint.close();

        assertThat(client.awaitClose()).isEqualTo(new CloseMessage(null, true));
        awaitDisconnected(client);
        WireClient late = new WireClient(endpoint.connectionHandler(), new JsonHubProtocol(),
                InMemoryTransport.webSockets(), WireClient.request(null, Map.of()));
        late.awaitEnded();
        assertThat(late.transport().isClosed()).isTrue();
    }

    private static List<HubMessage> records(InMemoryTransport.Frame frame, HubProtocol protocol) {
        ByteBuffer buffer = ByteBuffer.wrap(frame.bytes());
        io.hubkit.core.protocol.InvocationBinder binder = new io.hubkit.core.protocol.InvocationBinder() {
            @Override
            public List<java.lang.reflect.Type> parameterTypes(String target) {
                return List.of(Object.class);
            }

            @Override
            public java.lang.reflect.Type returnType(String invocationId) {
                return Object.class;
            }

            @Override
            public java.lang.reflect.Type streamItemType(String streamId) {
                return Object.class;
            }
        };
        List<HubMessage> messages = new java.util.ArrayList<>();
        HubMessage message;
        while ((message = protocol.parseMessage(buffer, binder)) != null) {
            messages.add(message);
        }
        return messages;
    }
}
