package io.hubkit.core.connection;

import io.hubkit.core.HubException;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.SerializedHubMessage;
import java.lang.reflect.Type;
import java.security.Principal;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * One live client connection of a hub, from its successful handshake until it ends. Created by
 * the {@link HubConnectionHandler}; what a {@link io.hubkit.core.backplane.Backplane} routes to.
 *
 * <p>Thread-safe. {@link #send} only enqueues: it never blocks and never waits for the socket. The
 * connection owns a bounded outbound queue (see {@link io.hubkit.core.HubOptions#outboundQueueCapacity()});
 * a client that does not read fast enough is closed with an error. Messages sent by one thread
 * leave in the order they were sent.
 */
public final class HubConnection {

    private final ConnectionSession session;
    private final String connectionId;
    private final Principal principal;
    private final String userIdentifier;
    private final ConnectionInfo info;
    private final HubProtocol protocol;
    private final String transportName;
    private final Map<Object, Object> items = new ConcurrentHashMap<>();
    private final OutboundQueue outbound;
    private final ClientResults clientResults = new ClientResults();

    HubConnection(ConnectionSession session, ConnectionRequest request, String userIdentifier, HubProtocol protocol,
                  Transport transport, int outboundQueueCapacity) {
        this.session = session;
        this.connectionId = request.connectionId();
        this.principal = request.principal();
        this.info = request.info();
        this.userIdentifier = userIdentifier;
        this.protocol = protocol;
        this.transportName = transport.name();
        this.outbound = new OutboundQueue(transport, protocol, outboundQueueCapacity, session::outboundFailed);
    }

    /** The public connection id. */
    public String connectionId() {
        return connectionId;
    }

    /** The user id the {@link UserIdProvider} resolved at handshake, or {@code null}. */
    public String userIdentifier() {
        return userIdentifier;
    }

    /** The authenticated principal, fixed for the connection's life, or {@code null}. */
    public Principal principal() {
        return principal;
    }

    /** The hub protocol the client chose in its handshake. */
    public HubProtocol protocol() {
        return protocol;
    }

    /** The request that opened the connection. */
    public ConnectionInfo info() {
        return info;
    }

    /** The name of the transport carrying the connection ({@code WebSockets}, …). */
    public String transport() {
        return transportName;
    }

    /** Per-connection state owned by the application; a concurrent map. */
    public Map<Object, Object> items() {
        return items;
    }

    /**
     * Queues {@code message} for the client. Never blocks. Returns {@code false} when the message
     * was not queued: the connection is closing, or its queue overflowed (which closes it).
     */
    public boolean send(SerializedHubMessage message) {
        return outbound.offer(message);
    }

    /** Queues a message meant for this connection only (encoded for its protocol alone). */
    public boolean send(HubMessage message) {
        return outbound.offer(new SerializedHubMessage(message));
    }

    /**
     * A client result: sends an Invocation with a fresh id ({@code s<n>}) and completes with the
     * client's result bound to {@code resultType} (empty for a {@code null} result). Fails with a
     * {@link HubException} carrying the client's error, or when the connection ends. It has no
     * timeout of its own: the caller applies one (cancelling forgets the pending call). Lazy: each
     * subscription sends one Invocation.
     */
    public <T> Mono<T> invoke(String method, Object[] args, Type resultType) {
        Object[] arguments = args == null ? new Object[0] : args.clone();
        return Mono.<Object>create(sink -> {
            String id = clientResults.nextId();
            if (!clientResults.register(id, resultType, sink)) {
                return;
            }
            InvocationMessage invocation = new InvocationMessage(id, method,
                    Collections.unmodifiableList(Arrays.asList(arguments)), null, Map.of());
            if (!send(invocation)) {
                sink.error(disconnected());
            }
        }).map(result -> {
            @SuppressWarnings("unchecked")
            T typed = (T) result;
            return typed;
        });
    }

    /**
     * A client result whose Invocation was encoded elsewhere with the id {@code invocationId}: a
     * scale-out backplane receives it from the server awaiting the result and forwards the answer
     * back. Queues {@code invocation} as it is and completes with the client's Completion for that
     * id, bound to {@code resultType} ({@link io.hubkit.core.protocol.RawResult} keeps the result's
     * bytes unbound); otherwise as {@link #invoke(String, Object[], Type)}: fails with a
     * {@link HubException} carrying the client's error or when the connection ends, has no timeout
     * of its own, and cancelling forgets the pending call.
     */
    public <T> Mono<T> invokeEncoded(String invocationId, SerializedHubMessage invocation, Type resultType) {
        return Mono.<Object>create(sink -> {
            if (!clientResults.register(invocationId, resultType, sink)) {
                return;
            }
            if (!send(invocation)) {
                sink.error(disconnected());
            }
        }).map(result -> {
            @SuppressWarnings("unchecked")
            T typed = (T) result;
            return typed;
        });
    }

    /**
     * A client result whose Invocation reaches the client by another way (e.g. a hub service that
     * writes it to the client itself): registers {@code invocationId} without sending anything and
     * completes with the client's Completion for that id, bound to {@code resultType}; otherwise as
     * {@link #invokeEncoded}.
     */
    public <T> Mono<T> awaitResult(String invocationId, Type resultType) {
        return Mono.<Object>create(sink -> {
            clientResults.register(invocationId, resultType, sink);
        }).map(result -> {
            @SuppressWarnings("unchecked")
            T typed = (T) result;
            return typed;
        });
    }

    /** The number of messages waiting in the outbound queue (a snapshot, e.g. for metrics). */
    public int queuedMessages() {
        return outbound.size();
    }

    /** Whether the outbound queue has room for bursts; producers of long streams pause while it has not. */
    public boolean isWritable() {
        return outbound.isWritable();
    }

    /** Runs {@code callback} once, when the outbound queue is writable again (or at once, or when the connection ends). */
    public void whenWritable(Runnable callback) {
        outbound.whenWritable(callback);
    }

    /** Whether the connection is still running (not yet ending). */
    public boolean isOpen() {
        return !session.isEnding();
    }

    /**
     * Closes the connection from the server side: the client gets a Close without reconnect, the
     * hub's disconnected callback runs. Idempotent; returns at once.
     */
    public void abort() {
        session.abort();
    }

    @Override
    public String toString() {
        return "HubConnection[" + connectionId + ", " + protocol.name() + " over " + transportName + "]";
    }

    OutboundQueue outbound() {
        return outbound;
    }

    ClientResults clientResults() {
        return clientResults;
    }

    HubException disconnected() {
        return new HubException("Connection '" + connectionId + "' disconnected.");
    }
}
