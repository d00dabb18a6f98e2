package io.hubkit.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.protocol.CloseMessage;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.core.protocol.StreamItemMessage;
import io.hubkit.core.testing.InMemoryTransport;
import io.hubkit.core.testing.WireClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A graceful shutdown ({@link HubConnectionHandler#drain}): invocations already running answer
 * before the Close that allows reconnecting, invocations that arrive during the drain are not
 * started, server streams end with the Close, and the grace period bounds it all.
 */
class GracefulDrainTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A hub whose {@code work} calls finish only when the test opens the gate. */
    public static class DrainedHub {

        final Set<String> started = ConcurrentHashMap.newKeySet();
        final Sinks.Empty<Void> gate = Sinks.empty();

        public Mono<String> work(String name) {
            started.add(name);
            return gate.asMono().thenReturn("done " + name);
        }

        public String echo(String text) {
            started.add("echo " + text);
            return text;
        }

        public Mono<String> hang() {
            return Mono.never();
        }

        public Flux<Long> ticks() {
            return Flux.interval(Duration.ofMillis(10));
        }
    }

    private final DrainedHub hub = new DrainedHub();
    private final HubEndpoint endpoint = HubEndpoint.builder(hub).build();

    @AfterEach
    void close() {
        endpoint.close();
    }

    private void awaitStarted(String... names) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!hub.started.containsAll(List.of(names))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not started: " + List.of(names) + "; started: " + hub.started);
            }
            Thread.sleep(5);
        }
    }

    private static int indexOf(List<HubMessage> messages, Class<?> type) {
        for (int i = 0; i < messages.size(); i++) {
            if (type.isInstance(messages.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void runningInvocationsAnswerBeforeTheReconnectableClose() throws Exception {
        HubConnectionHandler handler = endpoint.connectionHandler();
        WireClient json = WireClient.connect(handler, new JsonHubProtocol());
        WireClient msgpack = WireClient.connect(handler, new MessagePackHubProtocol());
        String jsonWork = json.invoke("work", "a");
        String msgpackWork = msgpack.invoke("work", "b");
        awaitStarted("a", "b");

        CompletableFuture<Void> drained = handler.drain(WAIT).toFuture();
        String lateCall = json.invoke("echo", "too late");
        json.sendNonBlocking("echo", "also too late");
        hub.gate.tryEmitEmpty();

        drained.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(json.awaitCompletion(jsonWork).result()).isEqualTo("done a");
        assertThat(msgpack.awaitCompletion(msgpackWork).result()).isEqualTo("done b");
        for (WireClient client : List.of(json, msgpack)) {
            assertThat(client.awaitClose()).isEqualTo(new CloseMessage(null, true));
            client.awaitEnded();
            List<HubMessage> received = client.received();
            assertThat(indexOf(received, CompletionMessage.class)).as("the answer comes before the Close")
                    .isNotNegative().isLessThan(indexOf(received, CloseMessage.class));
            assertThat(client.transport().isClosed()).isTrue();
        }
        assertThat(json.received()).noneMatch(m -> m instanceof CompletionMessage c && lateCall.equals(c.invocationId()));
        assertThat(hub.started).as("nothing started during the drain").containsExactlyInAnyOrder("a", "b");
        assertThat(handler.connectionCount()).isZero();
    }

    @Test
    void noConnectionIsAcceptedOnceDraining() throws Exception {
        HubConnectionHandler handler = endpoint.connectionHandler();
        handler.drain(WAIT).block(WAIT);

        InMemoryTransport transport = InMemoryTransport.webSockets();
        handler.handle(transport, Flux.never(), WireClient.request(null, Map.of())).block(WAIT);

        assertThat(transport.isClosed()).isTrue();
        assertThat(transport.frames()).as("not even a handshake answer").isEmpty();
    }

    @Test
    void theGracePeriodBoundsInvocationsThatNeverAnswer() throws Exception {
        HubConnectionHandler handler = endpoint.connectionHandler();
        WireClient client = WireClient.connect(handler, new JsonHubProtocol());
        String hanging = client.invoke("hang");
        WireClient idle = WireClient.connect(handler, new JsonHubProtocol());

        handler.drain(Duration.ofMillis(200)).block(WAIT);

        assertThat(idle.awaitClose()).isEqualTo(new CloseMessage(null, true));
        assertThat(client.awaitClose()).isEqualTo(new CloseMessage(null, true));
        client.awaitEnded();
        assertThat(client.received()).noneMatch(m -> m instanceof CompletionMessage c && hanging.equals(c.invocationId()));
    }

    @Test
    void serverStreamsAreNotWaitedForAndEndWithTheClose() throws Exception {
        HubConnectionHandler handler = endpoint.connectionHandler();
        WireClient client = WireClient.connect(handler, new JsonHubProtocol());
        String stream = client.stream("ticks");
        client.await(StreamItemMessage.class, item -> stream.equals(item.invocationId()));

        handler.drain(WAIT).block(WAIT);

        assertThat(client.awaitClose()).isEqualTo(new CloseMessage(null, true));
        client.awaitEnded();
        assertThat(client.received()).noneMatch(m -> m instanceof CompletionMessage);
    }

    @Test
    void shuttingTheEndpointDownGracefullyAlsoClosesItsBackplane() throws Exception {
        WireClient client = WireClient.connect(endpoint.connectionHandler(), new JsonHubProtocol());
        String work = client.invoke("work", "last");
        awaitStarted("last");

        CompletableFuture<Void> shutdown = endpoint.shutdownGracefully(WAIT).toFuture();
        hub.gate.tryEmitEmpty();

        shutdown.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(client.awaitCompletion(work).result()).isEqualTo("done last");
        assertThat(client.awaitClose().allowReconnect()).isTrue();
    }
}
