package io.hubkit.service.testing;

import io.hubkit.backplane.service.protocol.HandshakeRequestMessage;
import io.hubkit.backplane.service.protocol.HandshakeResponseMessage;
import io.hubkit.backplane.service.protocol.MigrationLevel;
import io.hubkit.backplane.service.protocol.ServiceConnectionType;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.protocol.ServiceMessage;
import io.hubkit.backplane.service.protocol.ServiceMessageReader;
import io.hubkit.backplane.service.protocol.ServiceProtocol;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * A test-side app server: one server connection to the hub service over a real Reactor Netty
 * WebSocket, speaking the service protocol with the codec of {@code backplane-service}. Everything
 * received is kept in order in an inbox that tests search with bounded waits ({@link #expect});
 * listeners ({@link #onMessage}) see each message as it arrives, on the socket's thread.
 * Thread-safe.
 */
public final class TestAppServer implements AutoCloseable {

    /** Generous bound of every wait; the machine is shared. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final String hub;
    private final String serverId;
    private final String connectionId;
    private final List<ServiceMessage> inbox = new ArrayList<>();
    private final List<Consumer<ServiceMessage>> listeners = new CopyOnWriteArrayList<>();
    private final Sinks.Many<ByteBuffer> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Disposable connection;

    private TestAppServer(String hub, String serverId, String connectionId) {
        this.hub = hub;
        this.serverId = serverId;
        this.connectionId = connectionId;
    }

    /**
     * Connects to {@code service} (e.g. {@code http://localhost:1234}) as app server {@code serverId}
     * of {@code hub} with {@code token}, without sending a handshake. Fails when the upgrade is refused.
     */
    public static TestAppServer open(URI service, String hub, String token, String serverId) {
        TestAppServer server = new TestAppServer(hub, serverId, UUID.randomUUID().toString());
        String url = service.toString().replaceFirst("^http", "ws") + "/server/?hub=" + hub + "&cid=" + server.connectionId;
        ServiceMessageReader reader = new ServiceMessageReader();
        server.connection = HttpClient.create()
                .headers(headers -> {
                    if (token != null) {
                        headers.set("Authorization", "Bearer " + token);
                    }
                    headers.set("X-ASRS-Server-Id", serverId);
                })
                .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(32 * 1024 * 1024).build())
                .uri(url)
                .handle((in, out) -> {
                    server.opened.complete(null);
                    Mono<Void> receive = in.receive().asByteBuffer()
                            .doOnNext(chunk -> {
                                ByteBuffer copy = ByteBuffer.allocate(chunk.remaining()).put(chunk).flip();
                                reader.read(copy).forEach(server::deliver);
                            })
                            .then();
                    Mono<Void> send = out.sendObject(server.outbound.asFlux()
                            .map(bytes -> new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)))).then();
                    return Mono.firstWithSignal(receive, send);
                })
                .doFinally(signal -> server.closed.complete(null))
                .subscribe(ignored -> { }, error -> {
                    server.opened.completeExceptionally(error);
                    server.closed.complete(null);
                });
        try {
            server.opened.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The service refused the server connection: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Could not connect to " + url, e);
        }
        return server;
    }

    /** Connects and completes the handshake (Default connection type); fails unless it succeeds. */
    public static TestAppServer connect(URI service, String hub, String token, String serverId) {
        TestAppServer server = open(service, hub, token, serverId);
        server.send(new HandshakeRequestMessage(ServiceProtocol.VERSION, ServiceConnectionType.DEFAULT.code(), "",
                MigrationLevel.OFF.code(), ServiceExtensions.NONE, false));
        HandshakeResponseMessage response = server.expect(HandshakeResponseMessage.class, r -> true);
        if (response.errorMessage() != null && !response.errorMessage().isEmpty()) {
            throw new IllegalStateException("Handshake failed: " + response.errorMessage());
        }
        return server;
    }

    public String hub() {
        return hub;
    }

    public String serverId() {
        return serverId;
    }

    /** Adds a listener for every message received from now on. */
    public void onMessage(Consumer<ServiceMessage> listener) {
        listeners.add(listener);
    }

    /** Sends one message. */
    public void send(ServiceMessage message) {
        sendRaw(ServiceProtocol.write(message));
    }

    /** Sends raw bytes (for malformed input). */
    public synchronized void sendRaw(ByteBuffer bytes) {
        outbound.tryEmitNext(bytes);
    }

    /** The first received message of {@code type} matching {@code filter}, waiting up to {@link #WAIT}; removed from the inbox. */
    public <T extends ServiceMessage> T expect(Class<T> type, Predicate<T> filter) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (inbox) {
            while (true) {
                for (int i = 0; i < inbox.size(); i++) {
                    ServiceMessage message = inbox.get(i);
                    if (type.isInstance(message) && filter.test(type.cast(message))) {
                        inbox.remove(i);
                        return type.cast(message);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No " + type.getSimpleName() + " matching the expectation within " + WAIT
                            + "; received: " + inbox);
                }
                try {
                    inbox.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** Whether the service closed the connection within {@link #WAIT}. */
    public boolean awaitClosed() {
        try {
            closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Whether the connection is closed now. */
    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        Disposable current = connection;
        if (current != null) {
            current.dispose();
        }
        awaitClosed();
    }

    private void deliver(ServiceMessage message) {
        for (Consumer<ServiceMessage> listener : listeners) {
            listener.accept(message);
        }
        synchronized (inbox) {
            inbox.add(message);
            inbox.notifyAll();
        }
    }
}
