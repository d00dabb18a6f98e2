package io.hubkit.spring.web.websocket;

import io.hubkit.core.protocol.TransferFormat;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.ByteBuffer;
import java.util.List;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * Writes hub frames straight to the Netty channel under a {@link ChannelWebSocketSession}: one
 * {@code writeAndFlush} of a text or binary frame that wraps the caller's buffers, completed from
 * the channel's write future. This skips the per-frame publisher, subscriber and message objects
 * that {@link WebSocketSession#send} builds, which the profile of a broadcast showed as the largest
 * share of allocation on the send path.
 *
 * <p>No copy is made here: one buffer becomes the frame's content as it is, several (a coalesced
 * batch) become one composite content whose components are the caller's buffers, which the socket
 * writes with one gathering write. Buffers in direct memory (the runtime's shared broadcast
 * encodings) reach the socket without any copy; Netty copies heap ones into direct memory once per
 * write, and merges a payload under 1 KB into the frame header's buffer either way.
 *
 * <p>Netty keeps the order of writes submitted one after another, and the runtime submits the
 * next write only once the previous one completed, so frames leave in order. The wrapped buffers
 * are read by the event loop until the write future completes; the wrappers are released by Netty
 * and the buffers themselves are never written to.
 */
final class NettyFrameWriter {

    private final Channel channel;

    /** A writer for {@code channel} (a WebSocket channel whose pipeline encodes frames). */
    NettyFrameWriter(Channel channel) {
        this.channel = channel;
    }

    /** A writer for {@code session}'s channel, or {@code null} when the session does not expose one. */
    static NettyFrameWriter of(WebSocketSession session) {
        if (session instanceof ChannelWebSocketSession netty && netty.channel() != null) {
            return new NettyFrameWriter(netty.channel());
        }
        return null;
    }

    /** Writes {@code payload} as one frame; completes once it is flushed, fails if the channel is closed. */
    Mono<Void> write(ByteBuffer payload, TransferFormat format) {
        return new FrameWrite(channel, payload, null, format);
    }

    /** Writes {@code records}, in order, as the payload of one frame, without joining them. */
    Mono<Void> write(List<ByteBuffer> records, TransferFormat format) {
        return new FrameWrite(channel, null, records, format);
    }

    /**
     * One frame's write: on subscription the frame is built and written, and the subscriber hears
     * the write future's outcome. The Mono and the future's listener are the same object.
     */
    private static final class FrameWrite extends Mono<Void> implements ChannelFutureListener {

        private final Channel channel;
        private final ByteBuffer payload;
        private final List<ByteBuffer> records;
        private final TransferFormat format;
        private CoreSubscriber<? super Void> actual;

        FrameWrite(Channel channel, ByteBuffer payload, List<ByteBuffer> records, TransferFormat format) {
            this.channel = channel;
            this.payload = payload;
            this.records = records;
            this.format = format;
        }

        @Override
        public void subscribe(CoreSubscriber<? super Void> subscriber) {
            if (actual != null) {
                Operators.error(subscriber, new IllegalStateException("A frame write is subscribed once"));
                return;
            }
            actual = subscriber;
            subscriber.onSubscribe(Operators.emptySubscription());
            ByteBuf content = payload != null ? Unpooled.wrappedBuffer(payload) : content(records);
            WebSocketFrame frame = format == TransferFormat.BINARY
                    ? new BinaryWebSocketFrame(content) : new TextWebSocketFrame(content);
            channel.writeAndFlush(frame).addListener(this);
        }

        @Override
        public void operationComplete(ChannelFuture future) {
            if (future.isSuccess()) {
                actual.onComplete();
            } else {
                actual.onError(future.cause());
            }
        }

        private static ByteBuf content(List<ByteBuffer> records) {
            if (records.size() == 1) {
                return Unpooled.wrappedBuffer(records.get(0));
            }
            return Unpooled.wrappedBuffer(records.toArray(new ByteBuffer[0]));
        }
    }
}
