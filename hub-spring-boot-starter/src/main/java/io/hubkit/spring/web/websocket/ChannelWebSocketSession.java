package io.hubkit.spring.web.websocket;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Reactor Netty's WebFlux session that also tells which Netty channel it runs on, so that
 * {@link NettyFrameWriter} can write frames to it directly. Created by {@link HubWebSocketUpgradeStrategy}.
 */
public final class ChannelWebSocketSession extends ReactorNettyWebSocketSession {

    private final Channel channel;

    ChannelWebSocketSession(WebsocketInbound inbound, WebsocketOutbound outbound, HandshakeInfo info,
                            NettyDataBufferFactory bufferFactory, int maxFramePayloadLength) {
        super(inbound, outbound, info, bufferFactory, maxFramePayloadLength);
        AtomicReference<Channel> found = new AtomicReference<>();
        outbound.withConnection(connection -> found.set(connection.channel()));
        this.channel = found.get();
    }

    /** The channel under this session (never {@code null} for a session of an open upgrade). */
    Channel channel() {
        return channel;
    }
}
