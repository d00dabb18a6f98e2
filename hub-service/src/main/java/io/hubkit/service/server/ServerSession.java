package io.hubkit.service.server;

import io.hubkit.backplane.service.protocol.ClientCompletionMessage;
import io.hubkit.backplane.service.protocol.ClientInvocationMessage;
import io.hubkit.backplane.service.protocol.ErrorCompletionMessage;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.protocol.ServiceMessage;
import io.hubkit.backplane.service.protocol.ServiceProtocol;
import io.hubkit.backplane.service.protocol.ServiceConnectionType;
import io.hubkit.service.operations.ServiceMeters;
import io.hubkit.service.routing.ServerConnection;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One app server connection after its handshake: its identity and its outbound queue of framed
 * service messages. {@link #send} may be called from any thread; messages leave in call order.
 * The queue is bounded: a connection that cannot keep up is closed (its clients are then closed
 * with a reconnect hint) rather than buffered without limit. Thread-safe.
 */
public final class ServerSession implements ServerConnection {

    private static final Logger log = LoggerFactory.getLogger(ServerSession.class);

    private final ServerIdentity identity;
    private final Sinks.Many<ByteBuffer> outbound;
    private final Runnable onOverflow;
    private final AtomicBoolean accepting;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ServiceMeters meters;
    private volatile ServiceConnectionType type = ServiceConnectionType.DEFAULT;

    ServerSession(ServerIdentity identity, int maxQueue, Runnable onOverflow, ServiceMeters meters) {
        this.identity = identity;
        this.outbound = Sinks.many().unicast().onBackpressureBuffer(Queues.<ByteBuffer>get(maxQueue).get());
        this.onOverflow = onOverflow;
        this.accepting = new AtomicBoolean(true);
        this.meters = meters;
    }

    /** Who this connection belongs to. */
    public ServerIdentity identity() {
        return identity;
    }

    @Override
    public String id() {
        return identity.connectionId();
    }

    @Override
    public String hub() {
        return identity.hub();
    }

    @Override
    public String serverId() {
        return identity.serverId();
    }

    @Override
    public boolean acceptsClients() {
        return accepting.get() && !closed.get();
    }

    /** Records the connection type of the handshake: Weak connections carry no clients. */
    void connectionType(ServiceConnectionType type) {
        this.type = type;
        if (type == ServiceConnectionType.WEAK) {
            accepting.set(false);
        }
    }

    /** The connection type of the handshake (Default until the handshake). */
    public ServiceConnectionType connectionType() {
        return type;
    }

    /** Stops routing new clients over this connection (the server is shutting down). */
    void stopAcceptingClients() {
        accepting.set(false);
    }

    /** Queues {@code message}; false when the connection is closed or its queue overflowed (it is then being closed). */
    public boolean send(ServiceMessage message) {
        if (closed.get()) {
            return false;
        }
        ByteBuffer frame = ServiceProtocol.write(message);
        Sinks.EmitResult result;
        synchronized (this) {
            result = outbound.tryEmitNext(frame);
        }
        if (result.isSuccess()) {
            meters.serverMessageOut(identity.hub());
            return true;
        }
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
            log.warn("Server connection {} of server {} (hub {}) is not reading fast enough; closing it",
                    identity.connectionId(), identity.serverId(), identity.hub());
            onOverflow.run();
        }
        return false;
    }

    /** The frames to write to the WebSocket, in order; ends when the session is closed. */
    Flux<ByteBuffer> frames() {
        return outbound.asFlux();
    }

    /** Ends the outbound stream after what is queued. Idempotent. */
    void complete() {
        if (closed.compareAndSet(false, true)) {
            synchronized (this) {
                outbound.tryEmitComplete();
            }
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public void routeInvocation(String invocationId, String connectionId, String callerServerId,
                                Map<String, byte[]> payloads) {
        send(new ClientInvocationMessage(invocationId, connectionId, callerServerId, payloads, ServiceExtensions.NONE));
    }

    @Override
    public void completeInvocation(String invocationId, String connectionId, String protocol, byte[] payload,
                                   String error) {
        if (payload != null) {
            send(new ClientCompletionMessage(invocationId, connectionId, identity.serverId(), protocol, payload,
                    ServiceExtensions.NONE));
        } else {
            send(new ErrorCompletionMessage(invocationId, connectionId, identity.serverId(), error,
                    ServiceExtensions.NONE));
        }
    }

    @Override
    public String toString() {
        return "ServerSession[" + identity.hub() + "/" + identity.connectionId() + " of " + identity.serverId() + "]";
    }
}
