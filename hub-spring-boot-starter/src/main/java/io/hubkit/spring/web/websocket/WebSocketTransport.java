package io.hubkit.spring.web.websocket;

import io.hubkit.core.connection.Transport;
import io.hubkit.core.protocol.TransferFormat;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

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
 * separate task and wake-up of the event loop, and broadcast throughput fell several-fold.
 *
 * <p>A write that starts on a thread other than the socket's event loop (a broadcast from another
 * connection or from a backplane) is handed to the loop through its {@link EventLoopWriteBatch}, so
 * that a broadcast costs each loop one task rather than one per connection; a write on the loop
 * itself is sent at once. The runtime's single-writer contract ({@link Transport}) provides the
 * ordering; {@code close} may race with a write, in which case the write fails.
 */
public final class WebSocketTransport implements Transport {

    /** The transport's name as clients know it. */
    public static final String NAME = "WebSockets";

    private final WebSocketSession session;
    private final EventLoop loop;
    private final EventLoopWriteBatch loopWrites;
    private static final AtomicIntegerFieldUpdater<WebSocketTransport> CLOSED =
            AtomicIntegerFieldUpdater.newUpdater(WebSocketTransport.class, "closed");

    private volatile int closed;

    public WebSocketTransport(WebSocketSession session) {
        this.session = session;
        this.loop = session instanceof EventLoopWebSocketSession bound ? bound.eventLoop() : null;
        this.loopWrites = loop == null ? null : EventLoopWriteBatch.of(loop);
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
        return onLoop(Mono.defer(() -> send(session.bufferFactory().wrap(payload), format)));
    }

    @Override
    public Mono<Void> write(List<ByteBuffer> records, TransferFormat format) {
        if (!(session.bufferFactory() instanceof NettyDataBufferFactory netty)) {
            return Transport.super.write(records, format);
        }
        return onLoop(Mono.defer(() -> send(netty.wrap(Unpooled.wrappedBuffer(records.toArray(ByteBuffer[]::new))),
                format)));
    }

    /** {@code send}, subscribed on the socket's event loop when it is known (see the type's note). */
    private Mono<Void> onLoop(Mono<Void> send) {
        return loop == null ? send : new LoopSubscribed(send, loop, loopWrites);
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

    /**
     * Subscribes its source directly when subscribed on the loop, and otherwise from a task of the
     * loop's {@link EventLoopWriteBatch}; a loop that refuses the task fails the write.
     */
    private static final class LoopSubscribed extends Mono<Void> {

        private final Mono<Void> source;
        private final EventLoop loop;
        private final EventLoopWriteBatch batch;

        LoopSubscribed(Mono<Void> source, EventLoop loop, EventLoopWriteBatch batch) {
            this.source = source;
            this.loop = loop;
            this.batch = batch;
        }

        @Override
        public void subscribe(CoreSubscriber<? super Void> actual) {
            if (loop.inEventLoop()) {
                source.subscribe(actual);
                return;
            }
            try {
                batch.execute(() -> source.subscribe(actual));
            } catch (RuntimeException e) {
                Operators.error(actual, e);
            }
        }
    }
}
