package io.hubkit.benchmarks.load;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One load connection: a WebSocket opened by {@link LoadClient}, driven by a {@link WireSession}.
 * Scenario operations ({@link #echo}, {@link #broadcast}, …) may be called from any thread; frames
 * are written and flushed one by one (Netty hands them to the channel's event loop in order).
 * A close the client did not ask for is reported to the listener as a failure.
 */
public final class LoadConnection {

    private final int index;
    private final WireSession session;
    private final LoadListener listener;
    private final Sinks.One<LoadConnection> ready = Sinks.one();
    private volatile Channel channel;
    private volatile boolean closing;
    private volatile boolean isReady;

    LoadConnection(int index, WireSession session, LoadListener listener) {
        this.index = index;
        this.session = session;
        this.listener = listener;
    }

    /** This connection's number within its client, from 0. */
    public int index() {
        return index;
    }

    public LoadListener listener() {
        return listener;
    }

    void attach(Channel channel) {
        this.channel = channel;
        channel.closeFuture().addListener(future -> {
            if (!closing) {
                fail("connection closed by the server");
            }
        });
        session.open(this);
    }

    void onFrame(WebSocketFrame frame) {
        session.onFrame(frame, this);
    }

    /** Completes with this connection once its protocol is open, or fails. */
    Mono<LoadConnection> ready() {
        return ready.asMono();
    }

    /** Called by the session once the protocol's opening is done. */
    public void markReady() {
        isReady = true;
        ready.tryEmitValue(this);
    }

    /** Reports an error: fails the opening if it is still pending, and tells the listener. */
    public void fail(String reason) {
        if (!isReady) {
            ready.tryEmitError(new IllegalStateException(reason));
            return;
        }
        listener.failed(reason);
    }

    void failOpening(Throwable error) {
        ready.tryEmitError(error);
    }

    /** Writes one text frame. */
    public void sendText(String text) {
        send(new TextWebSocketFrame(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** Writes one frame holding {@code bytes}: binary or text. */
    public void send(byte[] bytes, boolean binary) {
        send(binary ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes))
                : new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
    }

    private void send(WebSocketFrame frame) {
        Channel current = channel;
        if (current == null || !current.isActive()) {
            frame.release();
            return;
        }
        current.writeAndFlush(frame, current.voidPromise());
    }

    public void echo(String payload) {
        session.echo(this, payload);
    }

    public void broadcast(String payload) {
        session.broadcast(this, payload);
    }

    /** Joins {@code group}; true when the server will confirm it. */
    public boolean join(String group) {
        return session.join(this, group);
    }

    public void sendToGroup(String group, String payload) {
        session.sendToGroup(this, group, payload);
    }

    void keepAlive() {
        if (isOpen()) {
            session.keepAlive(this);
        }
    }

    public boolean isOpen() {
        Channel current = channel;
        return current != null && current.isActive() && !closing;
    }

    /** Whether the socket is still connected (also while closing). */
    boolean hasSocket() {
        Channel current = channel;
        return current != null && current.isActive();
    }

    /** Closes with status 1000; does not wait. */
    public void close() {
        closing = true;
        Channel current = channel;
        if (current != null && current.isActive()) {
            current.writeAndFlush(new CloseWebSocketFrame(1000, "done")).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Closes the socket at once, without a close frame. */
    void abort() {
        closing = true;
        Channel current = channel;
        if (current != null) {
            current.close();
        }
    }
}
