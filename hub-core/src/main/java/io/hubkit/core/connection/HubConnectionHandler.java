package io.hubkit.core.connection;

import io.hubkit.core.HubOptions;
import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.observe.HubObserver;
import io.hubkit.core.observe.HubObservers;
import io.hubkit.core.protocol.HubProtocols;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the connections of one hub: each {@link #handle} call is one client connection, from its
 * handshake to its end. Thread-safe; one instance per hub.
 *
 * <p>One shared periodic heartbeat ({@link HubOptions#heartbeatInterval()}, 1 s by default) checks
 * every live connection's handshake deadline, keep-alive ping and client timeout; there is no timer
 * per connection. The heartbeat runs while connections are live and stops with {@link #close()}.
 *
 * <p>A {@link HubObserver} hears each connection that completes its handshake, its traffic and why
 * it ended. {@link #drain} shuts down gracefully, {@link #close()} at once.
 */
public final class HubConnectionHandler {

    private static final Logger log = LoggerFactory.getLogger(HubConnectionHandler.class);

    private final HubProtocols protocols;
    private final HubOptions options;
    private final Backplane backplane;
    private final UserIdProvider userIdProvider;
    private final ConnectionDispatcherFactory dispatcherFactory;
    private final HubObserver observer;
    private final Set<ConnectionSession> sessions = ConcurrentHashMap.newKeySet();
    private final Object heartbeatLock = new Object();
    private Disposable heartbeat;
    private volatile boolean closed;

    public HubConnectionHandler(HubProtocols protocols, HubOptions options, Backplane backplane,
                                UserIdProvider userIdProvider, ConnectionDispatcherFactory dispatcherFactory) {
        this(protocols, options, backplane, userIdProvider, dispatcherFactory, HubObserver.NONE);
    }

    /** A handler whose connections are watched by {@code observer} (its calls are guarded: what it throws is logged). */
    public HubConnectionHandler(HubProtocols protocols, HubOptions options, Backplane backplane,
                                UserIdProvider userIdProvider, ConnectionDispatcherFactory dispatcherFactory,
                                HubObserver observer) {
        this.observer = HubObservers.guarded(Objects.requireNonNull(observer, "observer"));
        this.protocols = Objects.requireNonNull(protocols, "protocols");
        this.options = Objects.requireNonNull(options, "options");
        this.backplane = Objects.requireNonNull(backplane, "backplane");
        this.userIdProvider = Objects.requireNonNull(userIdProvider, "userIdProvider");
        this.dispatcherFactory = Objects.requireNonNull(dispatcherFactory, "dispatcherFactory");
    }

    /**
     * Runs one connection to its end: handshake, connected callback, dispatch loop, disconnected
     * callback. Lazy: the connection starts when the Mono is subscribed. Completes when the
     * connection is over, after the transport was closed; never fails. Cancelling it ends the
     * connection as if the client had gone away.
     *
     * @param transport the connection's outbound side
     * @param inbound   the bytes the client sends, in order; completing means the client went away.
     *                  Each buffer is owned by the runtime once emitted.
     * @param request   the connection id, principal and opening request
     */
    public Mono<Void> handle(Transport transport, Flux<ByteBuffer> inbound, ConnectionRequest request) {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(request, "request");
        return Mono.defer(() -> {
            if (closed) {
                return transport.close().onErrorResume(e -> Mono.empty());
            }
            ConnectionSession session = new ConnectionSession(this, transport, request);
            return session.run(inbound).doOnCancel(session::cancelled);
        });
    }

    /** The number of connections currently handled (handshaking or connected). */
    public int connectionCount() {
        return sessions.size();
    }

    /**
     * Stops accepting connections and ends every live one as a server shutdown does (the clients
     * get a Close that allows reconnecting). Returns at once; the connections end asynchronously.
     */
    public void close() {
        closed = true;
        for (ConnectionSession session : sessions) {
            session.shutdown();
        }
        synchronized (heartbeatLock) {
            if (heartbeat != null) {
                heartbeat.dispose();
                heartbeat = null;
            }
        }
    }

    /**
     * Shuts down gracefully: stops accepting connections; each live connection starts no new
     * invocation, lets the running ones answer, then gets a Close that allows reconnecting (server
     * streams are ended by that Close). Connections still running invocations after
     * {@code gracePeriod} are closed at once, as {@link #close()} does. Completes when every
     * connection has ended and the handler is closed; never fails. Lazy: the drain starts on
     * subscription.
     */
    public Mono<Void> drain(Duration gracePeriod) {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        return Mono.defer(() -> {
            closed = true;
            List<ConnectionSession> live = List.copyOf(sessions);
            List<Mono<Void>> drained = live.stream().map(ConnectionSession::drain).toList();
            Mono<Void> ended = Mono.when(live.stream().map(ConnectionSession::ended).toList());
            return Mono.when(drained)
                    .timeout(gracePeriod, Mono.defer(() -> {
                        log.debug("Grace period over: closing the remaining connections");
                        close();
                        return ended;
                    }));
        }).onErrorResume(e -> Mono.empty()).then(Mono.fromRunnable(this::close));
    }

    HubOptions options() {
        return options;
    }

    HubObserver observer() {
        return observer;
    }

    HubProtocols protocols() {
        return protocols;
    }

    Backplane backplane() {
        return backplane;
    }

    UserIdProvider userIdProvider() {
        return userIdProvider;
    }

    ConnectionDispatcherFactory dispatcherFactory() {
        return dispatcherFactory;
    }

    void track(ConnectionSession session) {
        sessions.add(session);
        startHeartbeat();
        if (closed) {
            session.shutdown();
        }
    }

    void untrack(ConnectionSession session) {
        sessions.remove(session);
    }

    private void startHeartbeat() {
        synchronized (heartbeatLock) {
            if (heartbeat == null && !closed) {
                long period = Math.max(1, options.heartbeatInterval().toMillis());
                heartbeat = Schedulers.parallel().schedulePeriodically(this::beat, period, period, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void beat() {
        long now = System.nanoTime();
        for (ConnectionSession session : sessions) {
            try {
                session.onHeartbeat(now);
            } catch (RuntimeException e) {
                log.error("Heartbeat failed for connection {}", session.connectionId(), e);
            }
        }
    }
}
