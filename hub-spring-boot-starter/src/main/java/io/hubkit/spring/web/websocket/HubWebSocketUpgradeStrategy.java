package io.hubkit.spring.web.websocket;

import io.netty.channel.EventLoop;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Upgrades a WebFlux request on Reactor Netty to a WebSocket whose session is a Reactor Netty
 * WebFlux session that knows its event loop ({@link EventLoopWebSocketSession}), the same way
 * Spring's {@code ReactorNettyRequestUpgradeStrategy} does (commit the response, then hand the
 * connection to Reactor Netty's WebSocket upgrade), but on the socket's event loop and keeping less
 * per socket. Hubs negotiate no WebSocket sub-protocol; one requested by
 * the client is echoed as Spring does.
 *
 * <p>What a socket keeps for its whole life is cut to what hubs use (memory per idle connection):
 * the session's {@link HandshakeInfo} carries no copy of the request headers or cookies (the hub
 * sees them through the connection's {@code ConnectionInfo}, built before the upgrade) and, as its
 * URI (only ever logged), the request's path shared by every socket of the hub, no
 * per-connection checkpoint is assembled, and once the handshake is done the upgrade request's
 * headers, which Reactor Netty would otherwise hold until the socket closes, are dropped.
 */
public final class HubWebSocketUpgradeStrategy implements RequestUpgradeStrategy {

    private static final MultiValueMap<String, HttpCookie> NO_COOKIES =
            CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>(0));

    /** Beyond this many distinct paths (hub endpoints), a socket gets a URI of its own. */
    private static final int MAX_SHARED_PATHS = 256;

    private final int maxFramePayloadLength;
    private final Map<String, URI> pathUris = new ConcurrentHashMap<>();

    /** @param maxFramePayloadLength the largest inbound frame payload accepted, in bytes */
    public HubWebSocketUpgradeStrategy(int maxFramePayloadLength) {
        this.maxFramePayloadLength = maxFramePayloadLength;
    }

    @Override
    public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, String subProtocol,
                              Supplier<HandshakeInfo> handshakeInfoFactory) {
        ServerHttpResponse response = exchange.getResponse();
        HttpServerResponse reactorResponse = ServerHttpResponseDecorator.getNativeResponse(response);
        HandshakeInfo handshakeInfo = lean(handshakeInfoFactory.get());
        NettyDataBufferFactory bufferFactory = (NettyDataBufferFactory) response.bufferFactory();
        EventLoop loop = reactorResponse instanceof Connection connection ? connection.channel().eventLoop() : null;
        Mono<Void> upgrade = response.setComplete().then(Mono.defer(() -> {
            WebsocketServerSpec.Builder spec = WebsocketServerSpec.builder().maxFramePayloadLength(maxFramePayloadLength);
            if (subProtocol != null) {
                spec.protocols(subProtocol);
            }
            return reactorResponse.sendWebsocket((inbound, outbound) -> {
                inbound.headers().clear(); // the handshake is done: the upgrade request's headers are not read again
                return handler.handle(new EventLoopWebSocketSession(inbound, outbound, handshakeInfo, bufferFactory,
                        maxFramePayloadLength, loop));
            }, spec.build());
        }));
        return onEventLoop(upgrade, loop);
    }

    /**
     * Runs the upgrade on the socket's own event loop. The application's filters (Spring Security's
     * token check, for one) may finish on another thread; an upgrade started there races with the
     * client's first frame, which can then be lost (the hub handshake never arrives and the
     * connection times out). Reactor Netty binds the WebSocket safely when the upgrade starts on the
     * event loop.
     */
    private static Mono<Void> onEventLoop(Mono<Void> upgrade, EventLoop loop) {
        if (loop == null) {
            return upgrade;
        }
        return Mono.defer(() -> loop.inEventLoop() ? upgrade : upgrade.subscribeOn(Schedulers.fromExecutor(loop)));
    }

    /** {@code info} without its copies of the request headers and cookies, its URI reduced to the shared path. */
    private HandshakeInfo lean(HandshakeInfo info) {
        return new HandshakeInfo(pathUri(info.getUri()), HttpHeaders.EMPTY, NO_COOKIES, info.getPrincipal(),
                info.getSubProtocol(), info.getRemoteAddress(), info.getAttributes(), info.getLogPrefix());
    }

    private URI pathUri(URI uri) {
        String path = uri.getRawPath();
        if (path == null) {
            return uri;
        }
        URI shared = pathUris.get(path);
        if (shared != null) {
            return shared;
        }
        return pathUris.size() < MAX_SHARED_PATHS ? pathUris.computeIfAbsent(path, URI::create) : URI.create(path);
    }
}
