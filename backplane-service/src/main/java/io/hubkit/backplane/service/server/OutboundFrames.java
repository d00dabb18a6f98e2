package io.hubkit.backplane.service.server;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The frames waiting to be written on one server connection: a FIFO queue, bounded in bytes,
 * that any thread may offer to; the socket drains it in order, one binary WebSocket frame per
 * framed service message. Thread-safe (offers are serialised).
 */
final class OutboundFrames {

    private final Sinks.Many<ByteBuffer> sink = Sinks.many().unicast().onBackpressureBuffer();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final long maxBytes;
    private boolean closed;

    OutboundFrames(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Queues one framed message. False when the queue is closed or full (more than the limit
     * waits to be written); the message is then dropped.
     */
    synchronized boolean offer(ByteBuffer frame) {
        if (closed) {
            return false;
        }
        int size = frame.remaining();
        if (queuedBytes.get() + size > maxBytes) {
            return false;
        }
        queuedBytes.addAndGet(size);
        if (sink.tryEmitNext(frame).isFailure()) {
            queuedBytes.addAndGet(-size);
            return false;
        }
        return true;
    }

    /** The frames, for the socket to write (one subscriber). */
    Flux<WebSocketFrame> frames() {
        return sink.asFlux().map(frame -> {
            queuedBytes.addAndGet(-frame.remaining());
            return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame));
        });
    }

    /** Bytes waiting to be written. */
    long queuedBytes() {
        return queuedBytes.get();
    }

    /** Refuses further offers and ends the stream of frames. Idempotent. */
    synchronized void close() {
        if (!closed) {
            closed = true;
            sink.tryEmitComplete();
        }
    }
}
