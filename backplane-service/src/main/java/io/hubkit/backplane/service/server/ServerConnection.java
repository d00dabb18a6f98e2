package io.hubkit.backplane.service.server;

import io.hubkit.backplane.service.ServiceBackplaneOptions;
import io.hubkit.backplane.service.protocol.HandshakeRequestMessage;
import io.hubkit.backplane.service.protocol.HandshakeResponseMessage;
import io.hubkit.backplane.service.protocol.MigrationLevel;
import io.hubkit.backplane.service.protocol.PingMessage;
import io.hubkit.backplane.service.protocol.ServiceConnectionType;
import io.hubkit.backplane.service.protocol.ServiceErrorMessage;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.protocol.ServiceMessage;
import io.hubkit.backplane.service.protocol.ServiceMessageReader;
import io.hubkit.backplane.service.protocol.ServiceProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One server connection: a WebSocket from this app server to the service's {@code /server/}
 * endpoint of one hub, carrying service-protocol messages in binary frames.
 *
 * <p>Life: {@link #run()} connects with a fresh server token, sends {@code HandshakeRequest} and
 * waits up to the handshake timeout for {@code HandshakeResponse}; then it is
 * {@linkplain #isConnected() connected} until the socket ends, the service falls silent for the
 * service timeout, the service reports an error, or {@link #close()} is called. It sends a
 * keep-alive ping whenever it has sent nothing for the keep-alive interval, answers {@code echo}
 * pings, and hands every other message to its {@link ServerConnectionListener}. It is never
 * reused: its owner creates a new one to reconnect.
 *
 * <p>Sending: {@link #send} is thread-safe; messages leave in the order {@code send} accepted
 * them, and at most {@code maxOutboundBytes} may wait (beyond that {@code send} refuses).
 * Inbound messages are handled on the socket's I/O thread, in order.
 */
public final class ServerConnection {

    private static final Logger log = LoggerFactory.getLogger(ServerConnection.class);
    private static final long TICK_MILLIS = 1000;
    private static final long FLUSH_LIMIT_MILLIS = 2000;

    private final String hubKey;
    private final String connectionId = UUID.randomUUID().toString();
    private final ServiceConnectionType type;
    private final String target;
    private final ServiceAccess access;
    private final HttpClient httpClient;
    private final ServiceBackplaneOptions options;
    private final ServerConnectionListener listener;
    private final OutboundFrames outbound;
    private final ServiceMessageReader reader;
    private final Sinks.Empty<Void> stop = Sinks.empty();
    private final Sinks.Empty<Void> finAcknowledged = Sinks.empty();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean connected;
    private volatile long lastReceivedNanos = System.nanoTime();
    private volatile long lastSentNanos = System.nanoTime();
    private volatile Throwable failure;
    private volatile String serviceConnectionId;

    ServerConnection(String hubKey, ServiceConnectionType type, String target, ServiceAccess access,
                     HttpClient httpClient, ServiceBackplaneOptions options, ServerConnectionListener listener) {
        this.hubKey = Objects.requireNonNull(hubKey, "hubKey");
        this.type = Objects.requireNonNull(type, "type");
        this.target = target;
        this.access = access;
        this.httpClient = httpClient;
        this.options = options;
        this.listener = listener;
        this.outbound = new OutboundFrames(options.maxOutboundBytes());
        this.reader = new ServiceMessageReader(options.maxMessageSize());
    }

    /** The {@code cid} this connection was opened with. */
    public String connectionId() {
        return connectionId;
    }

    /** The id the service gave the connection in its handshake response, or {@code null}. */
    public String serviceConnectionId() {
        return serviceConnectionId;
    }

    public ServiceConnectionType type() {
        return type;
    }

    /** The service instance an on-demand connection was opened for, or {@code null}. */
    public String target() {
        return target;
    }

    /** Whether the handshake succeeded and the connection has not ended. */
    public boolean isConnected() {
        return connected && !ended.get();
    }

    /** Bytes waiting to be written. */
    public long queuedBytes() {
        return outbound.queuedBytes();
    }

    /**
     * Connects and runs the connection to its end. Completes when it ends (normally or not: the
     * listener's {@code disconnected} says why); never fails. Subscribe once.
     */
    public Mono<Void> run() {
        return Mono.defer(() -> {
            URI url = access.serverUrl(hubKey, connectionId, target);
            String token = access.serverToken(hubKey);
            return httpClient
                    .headers(headers -> headers
                            .set("Authorization", "Bearer " + token)
                            .set("X-ASRS-Server-Id", access.serverId())
                            .set("Asrs-User-Agent", "HubKit/1.0 (Java " + Runtime.version().feature() + ")"))
                    .websocket(WebsocketClientSpec.builder()
                            .maxFramePayloadLength(Math.max(65536, options.maxMessageSize()))
                            .build())
                    .uri(url)
                    .handle(this::session)
                    .then();
        }).onErrorResume(e -> {
            failure = failure == null ? e : failure;
            return Mono.empty();
        }).doFinally(signal -> end());
    }

    /**
     * Sends one message. Returns false, dropping it, when the connection is not connected (or not
     * yet, for anything but the handshake) or its send queue is full.
     */
    public boolean send(ServiceMessage message) {
        if (!isConnected()) {
            return false;
        }
        return offer(message);
    }

    /**
     * Graceful shutdown: sends {@code ["shutdown","fin:0"]} and completes when the service answers
     * {@code finack}, or after {@code timeout}. Never fails.
     */
    public Mono<Void> shutdown(Duration timeout) {
        return Mono.defer(() -> {
            if (!send(new PingMessage(List.of("shutdown", "fin:0")))) {
                return Mono.empty();
            }
            return finAcknowledged.asMono().timeout(timeout, Mono.empty());
        }).onErrorResume(e -> Mono.empty());
    }

    /**
     * Ends the connection: what is queued is still written (for at most {@value #FLUSH_LIMIT_MILLIS} ms),
     * then the WebSocket closes. Idempotent; the listener hears {@code disconnected}.
     */
    public void close() {
        outbound.close();
        Schedulers.parallel().schedule(stop::tryEmitEmpty, FLUSH_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private boolean offer(ServiceMessage message) {
        ByteBuffer frame;
        try {
            frame = ServiceProtocol.write(message);
        } catch (RuntimeException e) {
            log.warn("Cannot encode {} for the service", message.getClass().getSimpleName(), e);
            return false;
        }
        if (!outbound.offer(frame)) {
            return false;
        }
        lastSentNanos = System.nanoTime();
        return true;
    }

    private Mono<Void> session(WebsocketInbound in, WebsocketOutbound out) {
        lastReceivedNanos = System.nanoTime();
        offer(new HandshakeRequestMessage(1, type.code(), target == null ? "" : target,
                MigrationLevel.OFF.code(), ServiceExtensions.NONE, false));
        Mono<Void> sending = out.sendObject(outbound.frames()).then();
        Mono<Void> receiving = in.aggregateFrames(Math.max(65536, options.maxMessageSize()))
                .receiveFrames()
                .doOnNext(this::onFrame)
                .then(Mono.fromRunnable(() -> failure = failure == null
                        ? new ServiceConnectionClosedException("The service closed the server connection") : failure));
        Disposable timer = Schedulers.parallel().schedulePeriodically(this::tick, TICK_MILLIS, TICK_MILLIS,
                TimeUnit.MILLISECONDS);
        // sending completes once close() ended the queue and everything in it was written
        return Mono.firstWithSignal(receiving, sending, stop.asMono())
                .doFinally(signal -> {
                    timer.dispose();
                    outbound.close();
                });
    }

    private void onFrame(WebSocketFrame frame) {
        lastReceivedNanos = System.nanoTime();
        if (frame instanceof TextWebSocketFrame) {
            fail(new ServiceConnectionClosedException("The service sent a text frame; the service protocol is binary"));
            return;
        }
        if (!(frame instanceof BinaryWebSocketFrame)) {
            return; // ping, pong and close frames are handled by Reactor Netty
        }
        List<ServiceMessage> messages;
        try {
            messages = reader.read(heapCopy(frame.content()));
        } catch (RuntimeException e) {
            fail(new ServiceConnectionClosedException("Unreadable data from the service: " + e.getMessage(), e));
            return;
        }
        for (ServiceMessage message : messages) {
            if (ended.get()) {
                return;
            }
            try {
                onMessage(message);
            } catch (RuntimeException e) {
                log.error("Handling {} from the service failed", message.getClass().getSimpleName(), e);
            }
        }
    }

    /** msgpack-core cannot read direct buffers on recent JDKs without opened modules: read a heap copy. */
    private static ByteBuffer heapCopy(ByteBuf content) {
        byte[] bytes = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), bytes);
        return ByteBuffer.wrap(bytes);
    }

    private void onMessage(ServiceMessage message) {
        if (!connected) {
            if (message instanceof HandshakeResponseMessage response) {
                String error = response.errorMessage();
                if (error != null && !error.isEmpty()) {
                    fail(new ServiceConnectionClosedException("The service refused the server connection: " + error));
                    return;
                }
                serviceConnectionId = response.connectionId();
                connected = true;
                listener.connected(this);
            } else if (!(message instanceof PingMessage)) {
                log.debug("Ignored {} received before the handshake response", message.getClass().getSimpleName());
            }
            return;
        }
        if (message instanceof PingMessage ping) {
            onPing(ping);
        } else if (message instanceof ServiceErrorMessage error) {
            if (error.errorMessage() != null && !error.errorMessage().isEmpty()) {
                fail(new ServiceConnectionClosedException("The service reported an error: " + error.errorMessage()));
            }
        } else {
            listener.received(this, message);
        }
    }

    private void onPing(PingMessage ping) {
        List<String> values = ping.messages();
        if (values.isEmpty()) {
            return; // keep-alive
        }
        String key = values.get(0);
        String value = values.size() > 1 ? values.get(1) : "";
        if ("echo".equals(key)) {
            offer(new PingMessage(List.of("echo", value)));
        } else if ("shutdown".equals(key) && "finack".equals(value)) {
            finAcknowledged.tryEmitEmpty();
        } else {
            listener.received(this, ping);
        }
    }

    private void tick() {
        if (ended.get()) {
            return;
        }
        long now = System.nanoTime();
        if (!connected && now - lastReceivedNanos > options.handshakeTimeout().toNanos()) {
            fail(new ServiceConnectionClosedException("The service did not answer the handshake within "
                    + options.handshakeTimeout().toSeconds() + " s"));
            return;
        }
        if (now - lastReceivedNanos > options.serviceTimeout().toNanos()) {
            fail(new ServiceConnectionClosedException("The service sent nothing for "
                    + options.serviceTimeout().toSeconds() + " s"));
            return;
        }
        if (connected && now - lastSentNanos >= options.keepAliveInterval().toNanos()) {
            offer(new PingMessage(List.of()));
        }
    }

    private void fail(Throwable error) {
        if (failure == null) {
            failure = error;
        }
        stop.tryEmitEmpty();
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            outbound.close();
            finAcknowledged.tryEmitEmpty();
            if (failure != null && !(failure instanceof ServiceConnectionClosedException)) {
                log.debug("Server connection {} to hub '{}' failed", connectionId, hubKey, failure);
            }
            listener.disconnected(this, failure);
        }
    }

    @Override
    public String toString() {
        return "ServerConnection[" + hubKey + ", " + type + ", " + connectionId + "]";
    }
}
