package io.hubkit.spring.endpoint;

import io.hubkit.core.connection.ConnectionInfo;
import io.hubkit.core.connection.ConnectionRequest;
import io.hubkit.core.connection.Transport;
import io.hubkit.core.protocol.TransferFormat;
import io.hubkit.spring.connection.RawConnection;
import io.hubkit.spring.support.AsyncMutex;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A {@link RawConnection} over a runtime {@link Transport}: sends are serialised (the transport
 * takes one write at a time), receiving is the transport's inbound stream. Thread-safe.
 */
final class TransportRawConnection implements RawConnection {

    private final Transport transport;
    private final Flux<ByteBuffer> inbound;
    private final ConnectionRequest request;
    private final AsyncMutex sends = new AsyncMutex(MAX_QUEUED_SENDS);
    private final AtomicBoolean closed = new AtomicBoolean();

    TransportRawConnection(Transport transport, Flux<ByteBuffer> inbound, ConnectionRequest request) {
        this.transport = transport;
        this.inbound = inbound;
        this.request = request;
    }

    @Override
    public String connectionId() {
        return request.connectionId();
    }

    @Override
    public Principal principal() {
        return request.principal();
    }

    @Override
    public ConnectionInfo info() {
        return request.info();
    }

    @Override
    public boolean supportsBinary() {
        return transport.supportsBinary();
    }

    @Override
    public Flux<ByteBuffer> receive() {
        return inbound;
    }

    @Override
    public Mono<Void> send(ByteBuffer payload, TransferFormat format) {
        if (format == TransferFormat.BINARY && !transport.supportsBinary()) {
            return Mono.error(new IllegalArgumentException(
                    "The " + transport.name() + " transport cannot carry binary messages"));
        }
        return sends.exclusive(() -> closed.get()
                ? Mono.error(new IllegalStateException("The connection is closed"))
                : transport.write(payload, format));
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            closed.set(true);
            return transport.close().onErrorResume(e -> Mono.empty());
        });
    }
}
