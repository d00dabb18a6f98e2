package io.hubkit.core.connection;

import io.hubkit.core.HubOptions;
import io.hubkit.core.observe.CloseReason;
import io.hubkit.core.observe.ConnectionObserver;
import io.hubkit.core.protocol.AckMessage;
import io.hubkit.core.protocol.BoundedMessageReader;
import io.hubkit.core.protocol.CloseMessage;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HandshakeProtocol;
import io.hubkit.core.protocol.HandshakeRequestMessage;
import io.hubkit.core.protocol.HandshakeResponseMessage;
import io.hubkit.core.protocol.HubInvocationMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocolException;
import io.hubkit.core.protocol.InvocationBinder;
import io.hubkit.core.protocol.PingMessage;
import io.hubkit.core.protocol.SequenceMessage;
import io.hubkit.core.protocol.SerializedHubMessage;
import io.hubkit.core.protocol.TransferFormat;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One connection's run, from the first inbound byte to the closed transport: handshake, connect,
 * the receive loop, keep-alive and client timeout, and the end.
 *
 * <p>The receive loop requests one inbound chunk at a time and parses it completely (several
 * messages per chunk, a message over several chunks) before requesting the next. Parsing the next
 * message waits until the dispatcher's Mono for the previous one completed, which is how limits
 * back-pressure the client. The loop trampolines: a wait that completes synchronously continues
 * in place, one that completes later resumes the loop on the completing thread. Only one thread is
 * ever inside the loop.
 *
 * <p>The end runs once ({@link #end}), from whichever thread saw the reason first: the Close
 * message is queued after (or, for a slow consumer, instead of) what is queued, the hub's
 * disconnected callback and the backplane's removal follow, then the transport is closed.
 *
 * <p>The connection is registered with the backplane before the handshake response is written, so
 * a client that has its handshake answer can already be reached; what is sent to it meanwhile
 * waits in the outbound queue behind the response.
 *
 * <p>Stateful reconnect: over a {@link ResumableTransport}, a handshake asking for version 2 or
 * higher numbers and keeps sent messages ({@link ReplayBuffer}), counts received ones
 * ({@link InboundSequence}), acknowledges them on the heartbeat, and resends the unacknowledged ones
 * behind a Sequence when the transport's socket is replaced.
 */
final class ConnectionSession {

    private static final Logger log = LoggerFactory.getLogger(ConnectionSession.class);
    private static final SerializedHubMessage PING = new SerializedHubMessage(PingMessage.INSTANCE);
    private static final Mono<Void> DONE = Mono.empty();
    private static final Duration CLOSE_FLUSH_TIMEOUT = Duration.ofSeconds(5);
    private static final String CLIENT_TIMEOUT =
            "Client hasn't sent a message/ping within the configured ClientTimeoutInterval.";

    /**
     * Why a connection ends: the error (or null), whether the client may reconnect, whether queued
     * messages are dropped, and the reason observers are told.
     */
    private record Ending(Throwable error, boolean allowReconnect, boolean discardPending, CloseReason reason) {
    }

    private final HubConnectionHandler handler;
    private final HubOptions options;
    private final Transport transport;
    private final ConnectionRequest request;
    private final InboundBuffer buffer = new InboundBuffer();
    private final Receiver receiver = new Receiver();
    private final Sinks.Empty<Void> finished = Sinks.empty();
    private static final AtomicIntegerFieldUpdater<ConnectionSession> HANDSHAKE_SETTLED =
            AtomicIntegerFieldUpdater.newUpdater(ConnectionSession.class, "handshakeSettled");
    private static final AtomicIntegerFieldUpdater<ConnectionSession> ENDING =
            AtomicIntegerFieldUpdater.newUpdater(ConnectionSession.class, "ending");

    /** 1 once the handshake is settled (answered, failed or cut short); a field, not an object, per connection. */
    private volatile int handshakeSettled;
    /** 1 once the connection is ending. */
    private volatile int ending;
    private final long handshakeDeadline;
    private final long keepAliveNanos;
    private final long clientTimeoutNanos;

    private volatile HubConnection connection;
    private volatile ConnectionObserver observer = ConnectionObserver.NONE;
    private volatile ConnectionDispatcher dispatcher;
    private volatile Mono<Void> connecting = Mono.empty();
    private volatile Mono<Void> handshakeResponse = Mono.empty();
    private volatile boolean handshakeWritten;
    private volatile boolean registered;
    private volatile boolean hubConnected;
    private volatile boolean clientTimeoutStarted;
    private volatile boolean receivePaused;
    private volatile boolean awaitingData;
    /** Inbound chunks received so far (written by the receive loop only; read for diagnostics). */
    private volatile int inboundChunks;
    private volatile long lastReceivedNanos;
    private volatile ReplayBuffer replay;
    private volatile InboundSequence inboundSequence;
    private InvocationBinder binder;

    ConnectionSession(HubConnectionHandler handler, Transport transport, ConnectionRequest request) {
        this.handler = handler;
        this.options = handler.options();
        this.transport = transport;
        this.request = request;
        this.handshakeDeadline = System.nanoTime() + options.handshakeTimeout().toNanos();
        this.keepAliveNanos = options.keepAliveInterval().toNanos();
        this.clientTimeoutNanos = options.clientTimeoutInterval().toNanos();
    }

    /** Starts reading {@code inbound}; the Mono completes once the connection is over and its transport closed. */
    Mono<Void> run(Flux<ByteBuffer> inbound) {
        handler.track(this);
        inbound.subscribe(receiver);
        return finished.asMono();
    }

    String connectionId() {
        return request.connectionId();
    }

    boolean isEnding() {
        return ending != 0;
    }

    // ---- reasons to end, from any thread ------------------------------------------------------

    /** The hub (or the application) closes the connection: a bare Close, no reconnect. */
    void abort() {
        end(new Ending(null, false, false, CloseReason.ABORTED));
    }

    /** The server shuts down: the client may reconnect. */
    void shutdown() {
        end(new Ending(null, true, false, CloseReason.SERVER_SHUTDOWN));
    }

    /**
     * The server shuts down gracefully: the dispatcher starts no new invocation and, once the running
     * ones have answered, the connection ends as {@link #shutdown()} does. Returns {@link #ended()}.
     */
    Mono<Void> drain() {
        ConnectionDispatcher d = dispatcher;
        if (d == null || ending != 0) {
            shutdown();
            return ended();
        }
        Mono.firstWithSignal(d.drain(), ended()).subscribe(null, error -> shutdown(), this::shutdown);
        return ended();
    }

    /** Completes once the connection is over and its transport closed. */
    Mono<Void> ended() {
        return finished.asMono();
    }

    /** Whoever ran the connection stopped waiting for it (e.g. the socket's handler was cancelled). */
    void cancelled() {
        end(new Ending(null, true, false, CloseReason.CLIENT_DISCONNECTED));
    }

    /** The outbound queue overflowed, or a write failed. */
    void outboundFailed(Throwable error) {
        log.warn("Closing connection {}: {}", request.connectionId(), error.getMessage());
        end(new Ending(error, true, true,
                error instanceof SlowConsumerException ? CloseReason.SLOW_CONSUMER : CloseReason.TRANSPORT_ERROR));
    }

    /** The shared heartbeat: handshake deadline, keep-alive ping, client timeout. */
    void onHeartbeat(long now) {
        if (ending != 0) {
            return;
        }
        if (handshakeSettled == 0) {
            if (now - handshakeDeadline >= 0) {
                log.info("Closing connection {}: no complete handshake within {} ms ({} inbound chunks, {} bytes "
                        + "buffered, {})", request.connectionId(), options.handshakeTimeout().toMillis(), inboundChunks,
                        buffer.remaining(), awaitingData ? "waiting for more data" : "not reading");
                failHandshake("Handshake was canceled.");
            }
            return;
        }
        HubConnection c = connection;
        if (c == null || !handshakeWritten) {
            return;
        }
        if (transport.needsKeepAlive() && now - c.outbound().lastWriteNanos() >= keepAliveNanos) {
            c.outbound().offer(PING);
        }
        InboundSequence sequence = inboundSequence;
        if (sequence != null) {
            long acknowledge = sequence.ackDue();
            if (acknowledge > 0) {
                c.outbound().offer(new SerializedHubMessage(new AckMessage(acknowledge)));
            }
            if (transport instanceof ResumableTransport resumable && resumable.isDetached()) {
                return; // the disconnect timeout, not the client timeout, ends a connection whose socket is gone
            }
        }
        if (clientTimeoutStarted && !receivePaused && now - lastReceivedNanos >= clientTimeoutNanos) {
            log.debug("Client timeout elapsed for connection {}", request.connectionId());
            end(new Ending(new TimeoutException(CLIENT_TIMEOUT), true, false, CloseReason.CLIENT_TIMEOUT));
        }
    }

    // ---- the receive loop -----------------------------------------------------------------------

    private void onChunk(ByteBuffer chunk) {
        if (ending != 0) {
            return;
        }
        awaitingData = false;
        inboundChunks++;
        buffer.append(chunk);
        process();
    }

    private void onInboundEnd(Throwable error) {
        Throwable reason = error;
        if (reason == null && awaitingData && connection != null && buffer.remaining() > 0) {
            reason = new HubProtocolException("Connection terminated while reading a message.");
        }
        end(new Ending(reason, true, false, reason == null ? CloseReason.CLIENT_DISCONNECTED
                : reason instanceof HubProtocolException ? CloseReason.PROTOCOL_ERROR : CloseReason.TRANSPORT_ERROR));
    }

    private void process() {
        for (;;) {
            if (ending != 0) {
                return;
            }
            if (connection == null) {
                if (!readHandshake()) {
                    return;
                }
                continue;
            }
            HubMessage message;
            int unparsed = buffer.remaining();
            try {
                message = BoundedMessageReader.read(connection.protocol(), buffer.data(), binder,
                        options.maximumReceiveMessageSize());
            } catch (RuntimeException e) {
                log.debug("Closing connection {} after invalid data: {}", request.connectionId(), e.getMessage());
                end(new Ending(e, true, false, CloseReason.PROTOCOL_ERROR));
                return;
            }
            if (message == null) {
                requestMore();
                return;
            }
            lastReceivedNanos = System.nanoTime();
            observer.messageReceived(message, unparsed - buffer.remaining());
            Mono<Void> wait;
            try {
                wait = handle(message);
            } catch (RuntimeException e) {
                log.error("Dispatching a message of connection {} failed", request.connectionId(), e);
                end(new Ending(e, true, false, CloseReason.SERVER_ERROR));
                return;
            }
            if (wait != null && wait != DONE && !awaitInline(wait)) {
                return;
            }
        }
    }

    private void requestMore() {
        buffer.releaseIfEmpty();
        awaitingData = true;
        receiver.request(1);
    }

    /** Handles one parsed message; returns what the loop must wait for, or null. */
    private Mono<Void> handle(HubMessage message) {
        InboundSequence sequence = inboundSequence;
        if (sequence != null) {
            if (message instanceof SequenceMessage resend) {
                String error = sequence.reset(resend.sequenceId());
                if (error != null) {
                    end(new Ending(new IllegalStateException(error), true, false, CloseReason.PROTOCOL_ERROR));
                }
                return null;
            }
            if (sequence.accept(message) == InboundSequence.Verdict.DROP) {
                return null;
            }
            if (message instanceof AckMessage ack) {
                if (replay.ack(ack.sequenceId())) {
                    connection.outbound().wakeUp();
                }
                return null;
            }
        }
        if (message instanceof PingMessage) {
            clientTimeoutStarted = true;
            return null;
        }
        if (message instanceof CloseMessage) {
            end(new Ending(null, false, false, CloseReason.CLIENT_CLOSED));
            return null;
        }
        if (message instanceof CompletionMessage completion && connection.clientResults().complete(completion)) {
            return null;
        }
        if (message instanceof HubInvocationMessage invocation) {
            return dispatcher.dispatch(invocation);
        }
        return null; // Ack and Sequence without stateful reconnect carry nothing for us
    }

    /**
     * Subscribes to {@code wait}. Returns true when it already completed (the loop goes on in
     * place); false when it will complete later, in which case the loop resumes from its callback.
     */
    private boolean awaitInline(Mono<Void> wait) {
        AtomicInteger state = new AtomicInteger(); // 0 pending, 1 completed inline, 2 the loop has left
        receivePaused = true;
        wait.subscribe(null, error -> {
            receivePaused = false;
            log.error("Dispatch failed on connection {}", request.connectionId(), error);
            end(new Ending(error, true, false, CloseReason.SERVER_ERROR));
        }, () -> {
            receivePaused = false;
            lastReceivedNanos = System.nanoTime();
            if (!state.compareAndSet(0, 1)) {
                process();
            }
        });
        return !state.compareAndSet(0, 2);
    }

    // ---- handshake ------------------------------------------------------------------------------

    /** Returns true when the loop should go on in place (handshake done inline). */
    private boolean readHandshake() {
        ByteBuffer data = buffer.data();
        int max = options.maximumReceiveMessageSize();
        boolean overLength = data.remaining() > max;
        ByteBuffer window = data;
        if (overLength) {
            window = data.duplicate();
            window.limit(window.position() + max);
        }
        HandshakeRequestMessage handshake;
        try {
            handshake = HandshakeProtocol.parseRequest(window);
        } catch (RuntimeException e) {
            failHandshake(ErrorMessages.build("An unexpected error occurred during connection handshake.", e,
                    options.enableDetailedErrors()));
            return false;
        }
        if (handshake == null) {
            if (overLength) {
                failHandshake("Handshake was canceled.");
            } else {
                requestMore();
            }
            return false;
        }
        data.position(window.position());
        ProtocolSelection selection = ProtocolSelection.of(handshake, handler.protocols(), transport);
        if (selection.error() != null) {
            failHandshake(selection.error());
            return false;
        }
        if (!HANDSHAKE_SETTLED.compareAndSet(this, 0, 1)) {
            return false;
        }
        boolean stateful = transport instanceof ResumableTransport && handshake.version() >= 2;
        Mono<Void> started;
        try {
            started = connect(selection.protocol(), stateful);
        } catch (RuntimeException e) {
            log.error("Setting up connection {} failed", request.connectionId(), e);
            handshakeSettled = 0;
            failHandshake(ErrorMessages.build("An unexpected error occurred during connection handshake.", e,
                    options.enableDetailedErrors()));
            return false;
        }
        return awaitInline(started);
    }

    /** Registers with the backplane, writes the handshake success, runs the hub's connected callback. */
    private Mono<Void> connect(HubProtocol protocol, boolean stateful) {
        String userId = handler.userIdProvider().userId(request.principal(), request.info());
        HubConnection c = new HubConnection(this, request, userId, protocol, transport, options.outboundQueueCapacity());
        ConnectionDispatcher d = handler.dispatcherFactory().create(c);
        binder = new SessionBinder(d.binder(), c.clientResults());
        dispatcher = d;
        lastReceivedNanos = System.nanoTime();
        connection = c;
        ConnectionObserver connectionObserver = handler.observer().connectionOpened(c);
        c.outbound().observe(connectionObserver);
        observer = connectionObserver;
        if (stateful) {
            replay = new ReplayBuffer(options.statefulReconnectBufferSize());
            inboundSequence = new InboundSequence();
            c.outbound().enableReplay(replay);
            ((ResumableTransport) transport).enableResume(this::transportReplaced);
        }
        ByteBuffer response = ByteBuffer.wrap(HandshakeProtocol.writeResponse(HandshakeResponseMessage.SUCCESS));
        Mono<Void> registration = Mono.defer(() -> handler.backplane().onConnected(c))
                .then(Mono.fromRunnable(() -> registered = true))
                .then()
                .cache();
        Mono<Void> responseWritten = c.outbound()
                .runExclusive(() -> registration.onErrorResume(e -> Mono.empty())
                        .then(Mono.defer(() -> transport.write(response, protocol.transferFormat()))))
                .then(Mono.fromRunnable(() -> {
                    handshakeWritten = true;
                    handshakeResponse = DONE; // keeps no chain alive for the connection's life
                }))
                .then()
                .cache();
        handshakeResponse = responseWritten.onErrorResume(e -> Mono.empty());
        Mono<Void> sequence = responseWritten
                .then(registration)
                .then(Mono.defer(d::onConnected))
                .then(Mono.fromRunnable(() -> {
                    hubConnected = true;
                    connecting = DONE; // keeps no chain alive for the connection's life
                }))
                .then()
                .onErrorResume(e -> {
                    log.error("Connecting {} failed", request.connectionId(), e);
                    end(new Ending(e, false, false, CloseReason.SERVER_ERROR));
                    return Mono.empty();
                })
                .cache();
        connecting = sequence;
        return sequence;
    }

    /**
     * The client came back on a new socket: drop what it sends until its Sequence, and — before
     * anything else the queue writes — send our Sequence and every message it has not acknowledged.
     */
    private void transportReplaced(Transport next) {
        HubConnection c = connection;
        InboundSequence sequence = inboundSequence;
        ReplayBuffer buffer = replay;
        if (c == null || sequence == null || buffer == null || ending != 0) {
            return;
        }
        sequence.reconnected();
        lastReceivedNanos = System.nanoTime();
        ResumableTransport resumable = (ResumableTransport) transport;
        log.debug("Connection {} resumes on a new transport", request.connectionId());
        c.outbound().runExclusive(() -> {
            resumable.switchTo(next);
            return resend(c.protocol(), buffer.unacknowledged());
        }).subscribe(null, e -> log.debug("Resending to connection {} failed", request.connectionId(), e));
    }

    private Mono<Void> resend(HubProtocol protocol, ReplayBuffer.Replay replayed) {
        List<byte[]> records = new ArrayList<>(replayed.messages().size() + 1);
        records.add(new SerializedHubMessage(new SequenceMessage(replayed.firstSequenceId())).encoded(protocol));
        records.addAll(replayed.messages());
        List<ByteBuffer> payloads = new ArrayList<>();
        ByteBuffer payload = null;
        for (byte[] record : records) {
            if (payload == null || payload.remaining() < record.length) {
                if (payload != null) {
                    payloads.add(payload.flip());
                }
                payload = ByteBuffer.allocate(Math.max(record.length, OutboundQueue.MAX_BATCH_BYTES));
            }
            payload.put(record);
        }
        payloads.add(payload.flip());
        TransferFormat format = protocol.transferFormat();
        return Flux.fromIterable(payloads).concatMap(bytes -> transport.write(bytes, format)).then();
    }

    private void failHandshake(String error) {
        if (!HANDSHAKE_SETTLED.compareAndSet(this, 0, 1) || !ENDING.compareAndSet(this, 0, 1)) {
            return;
        }
        log.debug("Handshake of connection {} failed: {}", request.connectionId(), error);
        handler.untrack(this);
        receiver.dispose();
        ByteBuffer response = ByteBuffer.wrap(HandshakeProtocol.writeResponse(new HandshakeResponseMessage(error)));
        Mono.defer(() -> transport.write(response, TransferFormat.TEXT))
                .timeout(CLOSE_FLUSH_TIMEOUT)
                .onErrorResume(e -> Mono.empty())
                .then(closeTransport())
                .doFinally(signal -> finished.tryEmitEmpty())
                .subscribe();
    }

    // ---- the end ------------------------------------------------------------------------------

    private void end(Ending reason) {
        if (!ENDING.compareAndSet(this, 0, 1)) {
            return;
        }
        handshakeSettled = 1;
        handler.untrack(this);
        receiver.dispose();
        HubConnection c = connection;
        if (c == null) {
            closeTransport().doFinally(signal -> finished.tryEmitEmpty()).subscribe();
            return;
        }
        c.clientResults().closeAll(c.disconnected());
        SerializedHubMessage close = new SerializedHubMessage(closeMessage(reason));
        // the handshake response is written outside the queue: the Close waits for it (one write at a time)
        Mono<Void> flushed = handshakeResponse
                .then(Mono.defer(() -> c.outbound().closeAndFlush(close, reason.discardPending())))
                .timeout(CLOSE_FLUSH_TIMEOUT, Mono.empty());
        Mono<Void> hubSide = connecting.onErrorResume(e -> Mono.empty())
                .then(Mono.defer(() -> disconnectHub(c, reason.error())));
        Mono.when(flushed, hubSide)
                .then(closeTransport())
                .doFinally(signal -> {
                    observer.closed(reason.reason(), reason.error());
                    finished.tryEmitEmpty();
                })
                .subscribe(null, e -> log.error("Ending connection {} failed", request.connectionId(), e));
    }

    private CloseMessage closeMessage(Ending reason) {
        if (reason.error() != null) {
            return new CloseMessage(ErrorMessages.build("Connection closed with an error.", reason.error(),
                    options.enableDetailedErrors()), reason.allowReconnect());
        }
        return reason.allowReconnect() ? new CloseMessage(null, true) : CloseMessage.EMPTY;
    }

    private Mono<Void> disconnectHub(HubConnection c, Throwable error) {
        ConnectionDispatcher d = dispatcher;
        try {
            d.connectionClosed();
        } catch (RuntimeException e) {
            log.error("Cleaning up connection {} failed", request.connectionId(), e);
        }
        Mono<Void> hub = hubConnected
                ? Mono.defer(() -> d.onDisconnected(error)).onErrorResume(e -> {
                    log.error("The disconnected callback failed for connection {}", request.connectionId(), e);
                    return Mono.empty();
                })
                : Mono.empty();
        Mono<Void> backplane = registered
                ? Mono.defer(() -> handler.backplane().onDisconnected(c)).onErrorResume(e -> {
                    log.error("Removing connection {} from the backplane failed", request.connectionId(), e);
                    return Mono.empty();
                })
                : Mono.empty();
        return hub.then(backplane);
    }

    private Mono<Void> closeTransport() {
        return Mono.defer(transport::close)
                .timeout(CLOSE_FLUSH_TIMEOUT)
                .onErrorResume(e -> {
                    log.debug("Closing the transport of connection {} failed", request.connectionId(), e);
                    return Mono.empty();
                });
    }

    /** Reads inbound chunks one at a time, on demand of the receive loop. */
    private final class Receiver extends BaseSubscriber<ByteBuffer> {

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            awaitingData = true;
            subscription.request(1);
        }

        @Override
        protected void hookOnNext(ByteBuffer chunk) {
            onChunk(chunk);
        }

        @Override
        protected void hookOnComplete() {
            onInboundEnd(null);
        }

        @Override
        protected void hookOnError(Throwable error) {
            onInboundEnd(error);
        }
    }
}
