package io.hubkit.spring.web.websocket;

import io.hubkit.core.connection.Transport;
import io.hubkit.core.protocol.TransferFormat;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.io.buffer.DataBuffer;
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
 * <p>Needs a session that accepts one {@code send} per frame, as Reactor Netty's does (the payload
 * is wrapped, not copied, and only read until the write completes). The runtime's single-writer
 * contract ({@link Transport}) provides the ordering; {@code close} may race with a write, in which
 * case the write fails.
 */
public final class WebSocketTransport implements Transport {

    /** The transport's name as clients know it. */
    public static final String NAME = "WebSockets";

    private final WebSocketSession session;
    private final AtomicBoolean closed = new AtomicBoolean();

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
        return Mono.defer(() -> {
            DataBuffer data = session.bufferFactory().wrap(payload);
            WebSocketMessage.Type type = format == TransferFormat.BINARY
                    ? WebSocketMessage.Type.BINARY : WebSocketMessage.Type.TEXT;
            return session.send(Mono.just(new WebSocketMessage(type, data)));
        });
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> closed.compareAndSet(false, true)
                ? session.close(CloseStatus.NORMAL).onErrorResume(e -> Mono.empty())
                : Mono.empty());
    }
}
