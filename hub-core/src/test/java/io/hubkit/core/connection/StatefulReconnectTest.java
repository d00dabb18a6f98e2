package io.hubkit.core.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.HubOptions;
import io.hubkit.core.context.HubCallerClients;
import reactor.core.Scannable;
import io.hubkit.core.protocol.AckMessage;
import io.hubkit.core.protocol.CloseMessage;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HandshakeProtocol;
import io.hubkit.core.protocol.HandshakeRequestMessage;
import io.hubkit.core.protocol.HandshakeResponseMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.InvocationBinder;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.SequenceMessage;
import io.hubkit.core.protocol.SerializedHubMessage;
import io.hubkit.core.testing.InMemoryTransport;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Stateful reconnect in the runtime, over a {@link ResumableTransport} whose sockets are in-memory:
 * a socket lost mid-stream detaches the connection, the next socket gets a Sequence and every
 * unacknowledged message, duplicates from the client are dropped, the replay buffer is bounded,
 * and without version 2 (or once expired) a lost socket ends the connection.
 */
class StatefulReconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonHubProtocol JSON = new JsonHubProtocol();

    /** Counts what clients send and sends numbered messages back on request. */
    public static class CountingHub {
        final AtomicInteger pings = new AtomicInteger();

        public int ping() {
            return pings.incrementAndGet();
        }

        public Mono<Void> emit(int from, int count, HubCallerClients clients) {
            Mono<Void> all = Mono.empty();
            for (int i = from; i < from + count; i++) {
                int n = i;
                all = all.then(clients.caller().send("item", n));
            }
            return all;
        }
    }

    private final CountingHub hub = new CountingHub();
    private HubEndpoint endpoint;

    @AfterEach
    void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void aLostSocketIsReplacedAndEveryMessageArrivesExactlyOnceInOrder() {
        Client client = connect(HubOptions.defaults(), 2);
        client.invoke("1", "emit", 1, 3);
        client.awaitItems(3);
        client.sendAck(); // the client has items 1..3 (and the completion)

        client.invoke("2", "emit", 4, 3);
        client.awaitItems(6);
        client.cutSocket(); // items 4..6 are not acknowledged
        assertThat(client.resumable.isDetached()).isTrue();

        for (int item = 7; item <= 9; item++) { // produced by the server while detached
            endpoint.hubContext().clients().client("c1").send("item", item).block(WAIT);
        }

        client.attachNewSocket();
        client.sendSequenceForUnacknowledged();
        client.invoke("3", "emit", 10, 2);

        client.awaitItems(11);
        assertThat(client.items()).as("each item once, in order").containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(client.firstFrameAfterReconnect()).isInstanceOf(SequenceMessage.class);
        assertThat(((SequenceMessage) client.firstFrameAfterReconnect()).sequenceId()).as("first unacknowledged").isEqualTo(5);
    }

    @Test
    void messagesTheClientSendsAgainAreNotProcessedTwice() {
        Client client = connect(HubOptions.defaults(), 2);
        client.invoke("1", "ping");
        client.invoke("2", "ping");
        client.awaitCompletion("2");
        client.cutSocket();
        client.attachNewSocket();
        client.send(new SequenceMessage(1)); // the client never saw an Ack: it sends both again, then a new one
        client.invoke("1", "ping");
        client.invoke("2", "ping");
        client.invoke("3", "ping");
        client.awaitCompletion("3");
        assertThat(hub.pings).hasValue(3);
    }

    @Test
    void theServerAcknowledgesWhatItReceived() {
        Client client = connect(HubOptions.defaults().toBuilder().heartbeatInterval(Duration.ofMillis(50)).build(), 2);
        client.invoke("1", "ping");
        client.invoke("2", "ping");
        client.awaitCompletion("2");
        awaitTrue(() -> client.acks().contains(2L));
    }

    @Test
    void aSequenceBeyondWhatWasReceivedClosesTheConnection() {
        Client client = connect(HubOptions.defaults(), 2);
        client.invoke("1", "ping");
        client.awaitCompletion("1");
        client.cutSocket();
        client.attachNewSocket();
        client.send(new SequenceMessage(5));
        CloseMessage close = client.awaitClose();
        assertThat(close.error()).isEqualTo("Connection closed with an error.");
    }

    @Test
    void writingWaitsForAcknowledgementsOnceTheReplayBufferIsFull() {
        Client client = connect(HubOptions.defaults().toBuilder().statefulReconnectBufferSize(200).build(), 2);
        client.invoke("1", "emit", 1, 20);
        awaitTrue(() -> client.items().size() >= 2);
        int before = client.items().size();
        assertThat(before).as("paused well before all 20").isLessThan(20);
        client.sendAck();
        awaitTrue(() -> client.items().size() > before);
    }

    @Test
    void withoutVersionTwoALostSocketEndsTheConnection() {
        Client client = connect(HubOptions.defaults(), 1);
        client.cutSocket();
        awaitTrue(client::ended);
        assertThat(client.resumable.isResumable()).isFalse();
    }

    @Test
    void aDetachedConnectionEndsWhenItExpires() {
        Client client = connect(HubOptions.defaults(), 2);
        client.cutSocket();
        assertThat(client.detachments).hasValue(1);
        assertThat(client.ended()).isFalse();
        client.resumable.expire();
        awaitTrue(client::ended);
    }

    @Test
    void replayBufferNumbersOnlyTrackableMessagesAndForgetsAcknowledgedOnes() {
        ReplayBuffer buffer = new ReplayBuffer(10);
        assertThat(buffer.record(new InvocationMessage(null, "a", List.of(), null, Map.of()), new byte[4])).isEqualTo(1);
        assertThat(buffer.record(new AckMessage(1), new byte[4])).isZero();
        assertThat(buffer.record(new CompletionMessage("1", null, null, false, Map.of()), new byte[4])).isEqualTo(2);
        assertThat(buffer.hasRoom()).isTrue();
        buffer.record(new InvocationMessage(null, "b", List.of(), null, Map.of()), new byte[4]);
        assertThat(buffer.hasRoom()).isFalse();
        assertThat(buffer.ack(2)).isTrue();
        assertThat(buffer.hasRoom()).isTrue();
        assertThat(buffer.unacknowledged().firstSequenceId()).isEqualTo(3);
        buffer.ack(3);
        assertThat(buffer.unacknowledged().firstSequenceId()).as("none kept: the next number").isEqualTo(4);
        assertThat(buffer.unacknowledged().messages()).isEmpty();
    }

    // ---- a hand-driven client ---------------------------------------------------------------------

    private Client connect(HubOptions options, int handshakeVersion) {
        endpoint = HubEndpoint.builder(hub).options(options).build();
        Client client = new Client();
        ConnectionRequest request = new ConnectionRequest("c1", null,
                new ConnectionInfo("WebSockets", "/hub", Map.of(), Map.of(), Map.of(), null));
        client.resumable.onDetached(client.detachments::incrementAndGet);
        endpoint.connectionHandler().handle(client.resumable, client.resumable.inbound(), request)
                .subscribe(null, e -> client.ended.tryEmitEmpty(), client.ended::tryEmitEmpty);
        client.attachNewSocket();
        client.sendBytes(HandshakeProtocol.writeRequest(new HandshakeRequestMessage("json", handshakeVersion)));
        client.readHandshake();
        return client;
    }

    /** Plays the official client's part: counts trackable messages, drops duplicates after a Sequence. */
    private static final class Client {
        final ResumableTransport resumable = new ResumableTransport("WebSockets", true, true);
        final AtomicInteger detachments = new AtomicInteger();
        final Sinks.Empty<Void> ended = Sinks.empty();
        final List<HubMessage> received = new CopyOnWriteArrayList<>();
        final List<Long> acks = new CopyOnWriteArrayList<>();
        private final List<Integer> items = new CopyOnWriteArrayList<>();
        private InMemoryTransport socket;
        private Sinks.Many<ByteBuffer> socketInbound;
        private long nextReceiving = 1;
        private long latestReceived;
        private long sentTrackable;
        private HubMessage firstAfterReconnect;
        private ByteBuffer leftover = ByteBuffer.allocate(0);

        void attachNewSocket() {
            socket = InMemoryTransport.webSockets();
            socketInbound = Sinks.many().unicast().onBackpressureBuffer();
            resumable.attach(socket, socketInbound.asFlux()).subscribe();
        }

        void cutSocket() {
            readAvailable();
            socketInbound.tryEmitError(new ResumableTransport.TransportLostException("cut"));
        }

        void sendBytes(byte[] bytes) {
            socketInbound.tryEmitNext(ByteBuffer.wrap(bytes));
        }

        void send(HubMessage message) {
            if (ReplayBuffer.isTrackable(message)) {
                sentTrackable++;
            }
            sendBytes(new SerializedHubMessage(message).encoded(JSON));
        }

        void invoke(String id, String target, Object... args) {
            send(new InvocationMessage(id, target, List.of(args), null, Map.of()));
        }

        void sendAck() {
            readAvailable();
            send(new AckMessage(latestReceived));
        }

        void sendSequenceForUnacknowledged() {
            send(new SequenceMessage(sentTrackable + 1));
        }

        void readHandshake() {
            InMemoryTransport.Frame frame = next();
            ByteBuffer buffer = ByteBuffer.wrap(frame.bytes());
            HandshakeResponseMessage response = HandshakeProtocol.parseResponse(buffer);
            assertThat(response).isNotNull();
            assertThat(response.isSuccess()).isTrue();
            leftover = buffer.slice();
            parse();
        }

        void readAvailable() {
            InMemoryTransport.Frame frame;
            while ((frame = pollNow()) != null) {
                append(frame);
            }
        }

        void awaitItems(int count) {
            awaitTrue(() -> {
                readAvailable();
                return items.size() >= count;
            });
        }

        void awaitCompletion(String id) {
            awaitTrue(() -> {
                readAvailable();
                return received.stream().anyMatch(m -> m instanceof CompletionMessage c && c.invocationId().equals(id));
            });
        }

        CloseMessage awaitClose() {
            awaitTrue(() -> {
                readAvailable();
                return received.stream().anyMatch(m -> m instanceof CloseMessage);
            });
            return (CloseMessage) received.stream().filter(m -> m instanceof CloseMessage).findFirst().orElseThrow();
        }

        List<Integer> items() {
            readAvailable();
            return new ArrayList<>(items);
        }

        List<Long> acks() {
            readAvailable();
            return acks;
        }

        HubMessage firstFrameAfterReconnect() {
            return firstAfterReconnect;
        }

        boolean ended() {
            return ended.scan(Scannable.Attr.TERMINATED) == Boolean.TRUE;
        }

        private InMemoryTransport.Frame next() {
            try {
                InMemoryTransport.Frame frame = socket.nextFrame(WAIT);
                assertThat(frame).as("a frame within %s", WAIT).isNotNull();
                return frame;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        private InMemoryTransport.Frame pollNow() {
            try {
                return socket.nextFrame(Duration.ZERO);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        private void append(InMemoryTransport.Frame frame) {
            ByteBuffer joined = ByteBuffer.allocate(leftover.remaining() + frame.bytes().length);
            joined.put(leftover).put(frame.bytes()).flip();
            leftover = joined;
            parse();
        }

        private void parse() {
            for (;;) {
                HubMessage message = JSON.parseMessage(leftover, BINDER);
                if (message == null) {
                    leftover = leftover.slice();
                    return;
                }
                onMessage(message);
            }
        }

        private void onMessage(HubMessage message) {
            received.add(message);
            if (message instanceof SequenceMessage sequence) {
                if (firstAfterReconnect == null) {
                    firstAfterReconnect = message;
                }
                assertThat(sequence.sequenceId()).as("Sequence within what was received").isLessThanOrEqualTo(nextReceiving);
                nextReceiving = sequence.sequenceId();
                return;
            }
            if (message instanceof AckMessage ack) {
                acks.add(ack.sequenceId());
                return;
            }
            if (!ReplayBuffer.isTrackable(message)) {
                return;
            }
            long id = nextReceiving++;
            if (id <= latestReceived) {
                return; // duplicate
            }
            latestReceived = id;
            if (message instanceof InvocationMessage invocation && invocation.target().equals("item")) {
                items.add(((Number) invocation.arguments().get(0)).intValue());
            }
        }
    }

    /** Waits (up to {@link #WAIT}, only to avoid hanging) until {@code condition} holds. */
    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static final InvocationBinder BINDER = new InvocationBinder() {
        @Override
        public List<Type> parameterTypes(String target) {
            return List.of(Object.class);
        }

        @Override
        public Type returnType(String invocationId) {
            return Object.class;
        }

        @Override
        public Type streamItemType(String streamId) {
            return Object.class;
        }
    };
}
