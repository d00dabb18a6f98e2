package io.hubkit.core.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.HubOptions;
import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.backplane.LocalBackplane;
import io.hubkit.core.connection.HubConnection;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.core.protocol.CloseMessage;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.protocol.PingMessage;
import io.hubkit.core.testing.WireClient;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A hub observer hears real connections: their transport and protocol, every message and byte in
 * and out, why each ended, and the hub's backplane calls with their failures. An observer that
 * throws disturbs nobody.
 */
class HubObserverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A hub that echoes, joins groups, floods its caller and aborts on request. */
    public static class ObservedHub {

        public String echo(String text) {
            return text;
        }

        public Mono<Void> join(String group, HubCallerContext caller, GroupManager groups, HubCallerClients clients) {
            return groups.addToGroup(caller.connectionId(), group).then(clients.group(group).send("joined", group));
        }

        public Mono<Void> shout(HubCallerClients clients) {
            return clients.all().send("shout");
        }

        public Mono<Void> burst(HubCallerClients clients, int count) {
            return Flux.range(1, count).concatMap(i -> clients.caller().send("item", i)).then();
        }

        public void abortMe(HubCallerContext caller) {
            caller.abort();
        }
    }

    private final RecordingObserver observer = new RecordingObserver();
    private HubEndpoint endpoint;

    @AfterEach
    void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private HubEndpoint endpoint(HubOptions options) {
        endpoint = HubEndpoint.builder(new ObservedHub()).name("observed").options(options).observers(observer).build();
        return endpoint;
    }

    private HubEndpoint endpoint() {
        return endpoint(HubOptions.defaults());
    }

    private static CloseReason closeReason(RecordingObserver.Connection connection) throws Exception {
        return connection.closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void theFactorySeesTheHubAndItsBackplane() {
        endpoint();
        assertThat(observer.hubName).isEqualTo("observed");
        assertThat(observer.backplane).isSameAs(endpoint.backplane()).isInstanceOf(LocalBackplane.class);
    }

    @Test
    void trafficInAndOutIsCountedInMessagesAndBytes() throws Exception {
        WireClient client = WireClient.connect(endpoint().connectionHandler(), new JsonHubProtocol());
        RecordingObserver.Connection seen = observer.connection(client.connectionId());
        assertThat(seen.transport).isEqualTo("WebSockets");
        assertThat(seen.protocol).isEqualTo("json");

        byte[] invocation = client.protocol().writeMessage(
                new InvocationMessage("1", "echo", List.of("hi"), null,
                        Map.of()));
        byte[] ping = client.protocol().writeMessage(PingMessage.INSTANCE);
        client.sendBytes(invocation);
        client.sendBytes(ping);
        assertThat(client.awaitCompletion("1").result()).isEqualTo("hi");
        client.send(CloseMessage.EMPTY);

        assertThat(closeReason(seen)).isEqualTo(CloseReason.CLIENT_CLOSED);
        client.awaitEnded();
        assertThat(seen.received).containsExactly("InvocationMessage", "PingMessage", "CloseMessage");
        int closeBytes = client.protocol().writeMessage(CloseMessage.EMPTY).length;
        assertThat(seen.receivedBytes.get()).isEqualTo(invocation.length + ping.length + closeBytes);
        int completionBytes = client.protocol().writeMessage(
                CompletionMessage.withResult("1", "hi")).length;
        assertThat(seen.sentMessages.get()).as("the completion and the server's Close").isEqualTo(2);
        assertThat(seen.sentBytes.get()).isEqualTo(completionBytes + closeBytes);
        assertThat(seen.closeCalls.get()).isEqualTo(1);
    }

    @Test
    void theProtocolAndTransportOfEachConnectionAreKnown() {
        HubEndpoint hub = endpoint();
        WireClient msgpack = WireClient.connect(hub.connectionHandler(), new MessagePackHubProtocol());
        assertThat(observer.connection(msgpack.connectionId()).protocol).isEqualTo("messagepack");
    }

    @Test
    void eachWayOfEndingHasItsReason() throws Exception {
        HubEndpoint hub = endpoint(HubOptions.builder().outboundQueueCapacity(5).build());
        WireClient leaving = WireClient.connect(hub.connectionHandler(), new JsonHubProtocol());
        WireClient aborted = WireClient.connect(hub.connectionHandler(), new JsonHubProtocol());
        WireClient garbled = WireClient.connect(hub.connectionHandler(), new JsonHubProtocol());
        WireClient slow = WireClient.connect(hub.connectionHandler(), new JsonHubProtocol());
        WireClient bystander = WireClient.connect(hub.connectionHandler(), new JsonHubProtocol());

        leaving.disconnect();
        aborted.invoke("abortMe");
        garbled.sendBytes("{\"type\":1,\"target\":\u001e".getBytes(StandardCharsets.UTF_8));
        slow.transport().holdWrites();
        slow.invoke("burst", 20);

        assertThat(closeReason(observer.connection(leaving.connectionId()))).isEqualTo(CloseReason.CLIENT_DISCONNECTED);
        assertThat(closeReason(observer.connection(aborted.connectionId()))).isEqualTo(CloseReason.ABORTED);
        assertThat(closeReason(observer.connection(garbled.connectionId()))).isEqualTo(CloseReason.PROTOCOL_ERROR);
        slow.transport().releaseWrites();
        assertThat(closeReason(observer.connection(slow.connectionId()))).isEqualTo(CloseReason.SLOW_CONSUMER);

        hub.close();
        assertThat(closeReason(observer.connection(bystander.connectionId()))).isEqualTo(CloseReason.SERVER_SHUTDOWN);
    }

    @Test
    void backplaneCallsOfHubCodeAreTimed() {
        WireClient client = WireClient.connect(endpoint().connectionHandler(), new JsonHubProtocol());

        assertThat(client.invokeAndWait("join", "room").error()).isNull();
        assertThat(client.awaitInvocation("joined").arguments()).containsExactly("room");
        assertThat(client.invokeAndWait("shout").error()).isNull();
        endpoint.<ObservedHub>hubContext().clients().group("room").send("fromOutside").block(WAIT);

        assertThat(observer.calls).extracting(RecordingObserver.Call::operation).containsExactly(
                BackplaneOperation.ADD_TO_GROUP, BackplaneOperation.SEND_GROUP, BackplaneOperation.SEND_ALL,
                BackplaneOperation.SEND_GROUP);
        assertThat(observer.calls).allSatisfy(call -> {
            assertThat(call.error()).isNull();
            assertThat(call.nanos()).isNotNegative();
        });
    }

    @Test
    void aFailingBackplaneCallIsReportedWithItsError() {
        IllegalStateException down = new IllegalStateException("bus down");
        endpoint = HubEndpoint.builder(new ObservedHub()).observers(observer)
                .backplaneFactory(context -> new FailingSendAll(new LocalBackplane(context), down))
                .build();
        WireClient client = WireClient.connect(endpoint.connectionHandler(), new JsonHubProtocol());

        assertThat(client.invokeAndWait("shout").error())
                .isEqualTo("An unexpected error occurred invoking 'shout' on the server.");
        assertThat(observer.calls).singleElement().satisfies(call -> {
            assertThat(call.operation()).isEqualTo(BackplaneOperation.SEND_ALL);
            assertThat(call.error()).isSameAs(down);
        });
    }

    @Test
    void anObserverThatThrowsDisturbsNobody() {
        HubObserver throwing = new HubObserver() {
            @Override
            public ConnectionObserver connectionOpened(HubConnection connection) {
                return new ConnectionObserver() {
                    @Override
                    public void messageReceived(HubMessage message, int bytes) {
                        throw new IllegalStateException("observer bug");
                    }

                    @Override
                    public void messagesSent(int messages, int bytes) {
                        throw new IllegalStateException("observer bug");
                    }
                };
            }

            @Override
            public void backplaneCall(BackplaneOperation operation, long durationNanos, Throwable error) {
                throw new IllegalStateException("observer bug");
            }
        };
        endpoint = HubEndpoint.builder(new ObservedHub())
                .observers(HubObserverFactory.composite(List.of((name, backplane) -> throwing, observer)))
                .build();
        WireClient client = WireClient.connect(endpoint.connectionHandler(), new JsonHubProtocol());

        assertThat(client.invokeAndWait("echo", "still fine").result()).isEqualTo("still fine");
        assertThat(client.invokeAndWait("shout").error()).isNull();
        assertThat(observer.connection(client.connectionId()).received).containsExactly(
                "InvocationMessage", "InvocationMessage");
        assertThat(observer.calls).hasSize(1);
    }

    /** A local backplane whose sendAll fails. */
    private static final class FailingSendAll implements Backplane {

        private final LocalBackplane local;
        private final RuntimeException error;

        FailingSendAll(LocalBackplane local, RuntimeException error) {
            this.local = local;
            this.error = error;
        }

        @Override
        public Mono<Void> onConnected(HubConnection connection) {
            return local.onConnected(connection);
        }

        @Override
        public Mono<Void> onDisconnected(HubConnection connection) {
            return local.onDisconnected(connection);
        }

        @Override
        public Mono<Void> sendAll(String method, Object[] args) {
            return Mono.error(error);
        }

        @Override
        public Mono<Void> sendAllExcept(String method, Object[] args, Collection<String> excluded) {
            return local.sendAllExcept(method, args, excluded);
        }

        @Override
        public Mono<Void> sendConnection(String connectionId, String method, Object[] args) {
            return local.sendConnection(connectionId, method, args);
        }

        @Override
        public Mono<Void> sendConnections(Collection<String> ids, String method, Object[] args) {
            return local.sendConnections(ids, method, args);
        }

        @Override
        public Mono<Void> sendGroup(String groupName, String method, Object[] args) {
            return local.sendGroup(groupName, method, args);
        }

        @Override
        public Mono<Void> sendGroups(Collection<String> groupNames, String method, Object[] args) {
            return local.sendGroups(groupNames, method, args);
        }

        @Override
        public Mono<Void> sendGroupExcept(String groupName, String method, Object[] args,
                                          Collection<String> excluded) {
            return local.sendGroupExcept(groupName, method, args, excluded);
        }

        @Override
        public Mono<Void> sendUser(String userId, String method, Object[] args) {
            return local.sendUser(userId, method, args);
        }

        @Override
        public Mono<Void> sendUsers(Collection<String> userIds, String method, Object[] args) {
            return local.sendUsers(userIds, method, args);
        }

        @Override
        public Mono<Void> addToGroup(String connectionId, String groupName) {
            return local.addToGroup(connectionId, groupName);
        }

        @Override
        public Mono<Void> removeFromGroup(String connectionId, String groupName) {
            return local.removeFromGroup(connectionId, groupName);
        }

        @Override
        public <T> Mono<T> invokeConnection(String connectionId, String method, Object[] args,
                                            Type resultType) {
            return local.invokeConnection(connectionId, method, args, resultType);
        }

        @Override
        public void close() {
            local.close();
        }
    }
}
