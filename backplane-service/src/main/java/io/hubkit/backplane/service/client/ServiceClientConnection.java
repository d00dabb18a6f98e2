package io.hubkit.backplane.service.client;

import io.hubkit.backplane.service.protocol.CloseConnectionMessage;
import io.hubkit.backplane.service.protocol.ConnectionDataMessage;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.server.ServerConnection;
import io.hubkit.core.connection.Transport;
import io.hubkit.core.protocol.TransferFormat;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One client connection that the hub service routes to this app server: a logical connection
 * multiplexed on a {@link ServerConnection}. It is the {@link Transport} the hub runtime writes to —
 * each write becomes {@code ConnectionData} on that same server connection (cut by
 * {@link DataChunks}) — and the source of the inbound bytes the runtime reads, fed from the
 * service's {@code ConnectionData} (partial frames reassembled by {@link PartialData}).
 *
 * <p>Ends when the service closes it ({@code CloseConnection}), when its server connection drops
 * (its inbound stream completes; nothing is sent), or when the hub closes it (a
 * {@code CloseConnection} goes to the service). Bounded: at most {@value #MAX_PENDING_CHUNKS}
 * inbound chunks may wait for the runtime; a client that outruns it is aborted.
 *
 * <p>Threading: inbound methods are called by the server connection's I/O thread; {@link #write}
 * follows the {@link Transport} contract; {@link #close} and the ending methods may be called
 * from any thread.
 */
public final class ServiceClientConnection implements Transport {

    /** Inbound chunks that may wait for the hub runtime. */
    public static final int MAX_PENDING_CHUNKS = 1024;

    /** The transport name the hub runtime sees for service connections. */
    public static final String TRANSPORT_NAME = "Service";

    private final String connectionId;
    private final ServerConnection carrier;
    private final int maxDataChunk;
    private final PartialData partials;
    private final Sinks.Many<ByteBuffer> inbound =
            Sinks.many().unicast().onBackpressureBuffer(Queues.<ByteBuffer>get(MAX_PENDING_CHUNKS).get());
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean closeSent;

    public ServiceClientConnection(String connectionId, ServerConnection carrier, int maxDataChunk,
                                   int maxClientMessageSize) {
        this.connectionId = connectionId;
        this.carrier = carrier;
        this.maxDataChunk = maxDataChunk;
        this.partials = new PartialData(maxClientMessageSize);
    }

    public String connectionId() {
        return connectionId;
    }

    /** The server connection carrying this client. */
    public ServerConnection carrier() {
        return carrier;
    }

    /** The bytes the client sends, for the hub runtime (one subscriber). */
    public Flux<ByteBuffer> inbound() {
        return inbound.asFlux();
    }

    /** Whether the connection has ended (either side). */
    public boolean isEnded() {
        return ended.get();
    }

    /** Data from the client arrived. */
    public void received(ConnectionDataMessage data) {
        if (ended.get()) {
            return;
        }
        ByteBuffer bytes;
        try {
            bytes = partials.accept(data.payload(), data.extensions().partial());
        } catch (IllegalStateException e) {
            abort(e.getMessage());
            return;
        }
        if (bytes != null && bytes.hasRemaining()
                && inbound.tryEmitNext(bytes) == Sinks.EmitResult.FAIL_OVERFLOW) {
            abort("The client sent faster than the hub could read");
        }
    }

    /** The client reconnected statefully to the service: pieces of a partial message are dropped. */
    public void reconnected() {
        partials.reset();
    }

    /** The service closed the connection (the client left): the inbound stream completes. */
    public void closedByService() {
        closeSent = true; // the service already knows
        end();
    }

    /** The server connection dropped: the client is gone from here, nothing can be sent. */
    public void carrierLost() {
        closeSent = true;
        end();
    }

    @Override
    public String name() {
        return TRANSPORT_NAME;
    }

    @Override
    public boolean supportsBinary() {
        return true;
    }

    @Override
    public boolean needsKeepAlive() {
        return true;
    }

    @Override
    public Mono<Void> write(ByteBuffer payload, TransferFormat format) {
        return Mono.defer(() -> {
            if (!payload.hasRemaining()) {
                return Mono.empty();
            }
            if (closeSent) {
                return Mono.error(new IllegalStateException("Connection '" + connectionId + "' is closed"));
            }
            for (DataChunks.Chunk chunk : DataChunks.split(payload, format, maxDataChunk)) {
                ServiceExtensions extensions = chunk.partial()
                        ? ServiceExtensions.NONE.withPartial(true) : ServiceExtensions.NONE;
                if (!carrier.send(new ConnectionDataMessage(connectionId, chunk.payload(), extensions))) {
                    return Mono.error(new IllegalStateException("The server connection carrying connection '"
                            + connectionId + "' is gone or cannot take more data"));
                }
            }
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(() -> {
            if (!closeSent) {
                closeSent = true;
                carrier.send(new CloseConnectionMessage(connectionId, "", Map.of(), ServiceExtensions.NONE));
            }
            end();
        });
    }

    /** Ends the connection with an error sent to the service. */
    public void abort(String error) {
        if (!closeSent) {
            closeSent = true;
            carrier.send(new CloseConnectionMessage(connectionId, error, Map.of(), ServiceExtensions.NONE));
        }
        end();
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            inbound.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        }
    }

    @Override
    public String toString() {
        return "ServiceClientConnection[" + connectionId + " on " + carrier.connectionId() + "]";
    }
}
