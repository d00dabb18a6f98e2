package io.hubkit.spring.web.websocket;

import io.netty.channel.EventLoop;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Reactor Netty's WebFlux session that also tells which event loop its socket runs on (or
 * {@code null} when that is not known), so that {@link WebSocketTransport} can start writes there.
 */
final class EventLoopWebSocketSession extends ReactorNettyWebSocketSession {

    private final EventLoop eventLoop;

    EventLoopWebSocketSession(WebsocketInbound inbound, WebsocketOutbound outbound, HandshakeInfo info,
                              NettyDataBufferFactory bufferFactory, int maxFramePayloadLength, EventLoop eventLoop) {
        super(inbound, outbound, info, bufferFactory, maxFramePayloadLength);
        this.eventLoop = eventLoop;
    }

    /** The socket's event loop, or {@code null}. */
    EventLoop eventLoop() {
        return eventLoop;
    }
}
