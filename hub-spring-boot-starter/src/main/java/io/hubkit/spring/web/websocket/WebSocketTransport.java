package io.hubkit.spring.web.websocket;

import io.hubkit.core.connection.Transport;
import io.hubkit.core.protocol.TransferFormat;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * Carries one hub connection over a WebFlux {@link WebSocketSession}: each {@link #write} is one
 * frame (text for {@link TransferFormat#TEXT}, binary for {@link TransferFormat#BINARY}) whose
 * {@code Mono} completes once the frame has been written and flushed; {@link #close()} sends close
 * 1000 once.
 *
 * <p>One {@code send} per frame, which Reactor Netty batches on the socket's event loop. The payload
 * is wrapped, not copied, and only read until the write completes; a coalesced batch
 * ({@link #write(List, TransferFormat)}) becomes one frame over a composite of the batch's shared
 * buffers on Netty (one gathering write), or one joined buffer elsewhere. Writing frames to the
 * channel directly instead was measured: from the threads that broadcast, every such write is a
 * separate task and wake-up of the event loop, and broadcast throughput fell several-fold. The
 * runtime's single-writer contract ({@link Transport}) provides the ordering; {@code close} may race
 * with a write, in which case the write fails.
 */
public final class WebSocketTransport implements Transport {

    /** The transport's name as clients know it. */
    public static final String NAME = "WebSockets";

    private final WebSocketSession session;
    private static final AtomicIntegerFieldUpdater<WebSocketTransport> CLOSED =
            AtomicIntegerFieldUpdater.newUpdater(WebSocketTransport.class, "closed");

    private volatile int closed;

    public WebSocketTransport(WebSocketSession session) {
        this.session = session;
    }

    @Override
    public String name() {
        return NAME;
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
        return Mono.defer(() -> send(session.bufferFactory().wrap(payload), format));
    }

    @Override
    public Mono<Void> write(List<ByteBuffer> records, TransferFormat format) {
        if (!(session.bufferFactory() instanceof NettyDataBufferFactory netty)) {
            return Transport.super.write(records, format);
        }
        return Mono.defer(() -> send(netty.wrap(Unpooled.wrappedBuffer(records.toArray(ByteBuffer[]::new))), format));
    }

    private Mono<Void> send(DataBuffer data, TransferFormat format) {
        WebSocketMessage.Type type = format == TransferFormat.BINARY
                ? WebSocketMessage.Type.BINARY : WebSocketMessage.Type.TEXT;
        return session.send(Mono.just(new WebSocketMessage(type, data)));
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> CLOSED.compareAndSet(this, 0, 1)
                ? session.close(CloseStatus.NORMAL).onErrorResume(e -> Mono.empty())
                : Mono.empty());
    }
}
