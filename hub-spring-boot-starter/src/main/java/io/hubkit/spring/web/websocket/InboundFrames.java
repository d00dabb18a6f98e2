package io.hubkit.spring.web.websocket;

import java.nio.ByteBuffer;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.WebSocketMessage;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;

/**
 * The inbound side of a WebSocket as the hub runtime reads it: the payload of every text and binary
 * frame, copied into a buffer the runtime owns (the server releases the frame right after), with
 * the runtime's demand passed through. Control frames are skipped.
 *
 * <p>A cancel from the runtime — it stops reading as soon as it decides to end a connection — is
 * not passed on: Reactor Netty answers a cancelled inbound by closing the socket at once, which
 * would cut off the handshake error or Close message the runtime writes next. After a cancel the
 * remaining frames are read and dropped until the socket closes, which the runtime does through
 * {@link WebSocketTransport#close()} or the session ends.
 */
final class InboundFrames extends Flux<ByteBuffer> {

    private final Flux<WebSocketMessage> frames;

    InboundFrames(Flux<WebSocketMessage> frames) {
        this.frames = frames;
    }

    @Override
    public void subscribe(CoreSubscriber<? super ByteBuffer> actual) {
        frames.subscribe(new Relay(actual));
    }

    private static final class Relay implements CoreSubscriber<WebSocketMessage>, Subscription {

        private final CoreSubscriber<? super ByteBuffer> actual;
        private volatile Subscription upstream;
        private volatile boolean detached;

        Relay(CoreSubscriber<? super ByteBuffer> actual) {
            this.actual = actual;
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            upstream = subscription;
            actual.onSubscribe(this);
        }

        @Override
        public void onNext(WebSocketMessage message) {
            if (detached) {
                return;
            }
            WebSocketMessage.Type type = message.getType();
            if (type == WebSocketMessage.Type.TEXT || type == WebSocketMessage.Type.BINARY) {
                actual.onNext(copy(message.getPayload()));
            } else {
                upstream.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            if (!detached) {
                actual.onError(error);
            }
        }

        @Override
        public void onComplete() {
            if (!detached) {
                actual.onComplete();
            }
        }

        @Override
        public void request(long n) {
            if (!detached) {
                upstream.request(n);
            }
        }

        @Override
        public void cancel() {
            if (!detached) {
                detached = true;
                upstream.request(Long.MAX_VALUE);
            }
        }

        private static ByteBuffer copy(DataBuffer payload) {
            byte[] bytes = new byte[payload.readableByteCount()];
            payload.read(bytes);
            return ByteBuffer.wrap(bytes);
        }
    }
}
