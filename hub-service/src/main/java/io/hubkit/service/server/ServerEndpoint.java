package io.hubkit.service.server;

import io.hubkit.backplane.service.protocol.HandshakeRequestMessage;
import io.hubkit.backplane.service.protocol.HandshakeResponseMessage;
import io.hubkit.backplane.service.protocol.PingMessage;
import io.hubkit.backplane.service.protocol.ServiceConnectionType;
import io.hubkit.backplane.service.protocol.ServiceErrorMessage;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.protocol.ServiceMessage;
import io.hubkit.backplane.service.protocol.ServiceMessageReader;
import io.hubkit.backplane.service.protocol.ServiceProtocol;
import io.hubkit.backplane.service.protocol.ServiceProtocolException;
import io.hubkit.service.config.ServiceProperties;
import io.hubkit.service.operations.ServiceMeters;
import io.hubkit.service.routing.ClientConnection;
import io.hubkit.service.routing.HubKeys;
import io.hubkit.service.routing.ServiceRouter;
import io.hubkit.service.security.RequestTokens;
import io.hubkit.service.security.ServiceTokens;
import io.hubkit.service.security.TokenRejectedException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves {@code /server/?hub=…&cid=…}: app servers connect here over a WebSocket and speak the
 * service protocol (binary frames of framed MessagePack messages; frame boundaries mean nothing).
 *
 * <p>Before the upgrade: {@code hub} must be a valid hub name (400 otherwise) and the bearer token
 * (header or {@code access_token}) must verify for audience {@code …/server/?hub=<hub>} (401
 * otherwise); its {@code nameid} is the server id. After it: the first message must be a
 * {@code HandshakeRequest} of version 1 within the handshake timeout; it is answered with a
 * {@code HandshakeResponse} (an error text for another version or a {@code cid} already in use,
 * and the connection ends). Then messages are applied in arrival order; the service sends a
 * keep-alive ping every keep-alive interval and drops a connection silent for the server timeout.
 * A malformed message ends the connection with a {@code ServiceError} carrying the parse error;
 * other connections are not affected. When a connection ends, its clients are closed with a
 * reconnect hint.
 */
public final class ServerEndpoint implements WebHandler {

    /** The close text sent to the clients of a server connection that went away. */
    public static final String SERVER_GONE = "The app server of this connection went offline. Reconnect to continue.";

    private static final Logger log = LoggerFactory.getLogger(ServerEndpoint.class);
    private static final int MAX_CID_LENGTH = 128;

    private final WebSocketService webSockets;
    private final ServiceTokens tokens;
    private final ServiceRouter router;
    private final ServiceProperties properties;
    private final ServiceMeters meters;
    private final ServerMessageHandler handler;

    public ServerEndpoint(WebSocketService webSockets, ServiceTokens tokens, ServiceRouter router,
                          ServiceProperties properties, ServiceMeters meters) {
        this.webSockets = webSockets;
        this.tokens = tokens;
        this.router = router;
        this.properties = properties;
        this.meters = meters;
        this.handler = new ServerMessageHandler(router, new ServerPings(router.local()));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        String hub = request.getQueryParams().getFirst("hub");
        if (!HubKeys.isValid(hub)) {
            return text(exchange, HttpStatus.BAD_REQUEST, "A valid 'hub' query parameter is required.");
        }
        String hubKey = HubKeys.key(hub);
        String serverId;
        try {
            serverId = tokens.verifyServer(RequestTokens.find(request), hubKey, RequestTokens.audienceBase(request));
        } catch (TokenRejectedException e) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return text(exchange, HttpStatus.UNAUTHORIZED, e.getMessage());
        }
        String cid = request.getQueryParams().getFirst("cid");
        if (cid == null || cid.isBlank()) {
            cid = UUID.randomUUID().toString();
        } else if (cid.length() > MAX_CID_LENGTH) {
            return text(exchange, HttpStatus.BAD_REQUEST, "The 'cid' query parameter is too long.");
        }
        ServerIdentity identity = new ServerIdentity(hubKey, cid, serverId, request.getQueryParams().getFirst("target"));
        return webSockets.handleRequest(exchange, session -> run(session, identity));
    }

    private Mono<Void> run(WebSocketSession socket, ServerIdentity identity) {
        AtomicBoolean handshaken = new AtomicBoolean();
        AtomicBoolean registered = new AtomicBoolean();
        AtomicLong lastReceived = new AtomicLong(System.nanoTime());
        ServerSession[] holder = new ServerSession[1];
        ServerSession session = new ServerSession(identity, properties.getMaxServerQueue(),
                () -> holder[0].complete(), meters);
        holder[0] = session;
        meters.hubSeen(identity.hub());
        ServiceMessageReader reader = new ServiceMessageReader(properties.getMaxServerMessageSize());

        AtomicBoolean failed = new AtomicBoolean();
        Mono<Void> inbound = socket.receive()
                .doOnNext(message -> lastReceived.set(System.nanoTime()))
                .concatMap(frame -> {
                    if (failed.get() || session.isClosed()) {
                        return Mono.empty(); // drained until the socket closes: cancelling would drop what is queued
                    }
                    List<ServiceMessage> messages;
                    try {
                        messages = reader.read(ByteBuffer.wrap(bytes(frame)));
                    } catch (RuntimeException error) {
                        fail(session, failed, error);
                        return Mono.empty();
                    }
                    return Flux.fromIterable(messages)
                            .concatMap(message -> Mono.defer(() -> {
                                if (failed.get()) {
                                    return Mono.<Void>empty();
                                }
                                meters.serverMessageIn(identity.hub());
                                if (handshaken.get()) {
                                    return handler.handle(session, message);
                                }
                                handshaken.set(true);
                                if (handshake(session, message)) {
                                    registered.set(true);
                                } else {
                                    session.complete();
                                }
                                return Mono.<Void>empty();
                            }).onErrorResume(error -> {
                                fail(session, failed, error);
                                return Mono.empty();
                            }))
                            .then();
                })
                .then()
                .onErrorResume(error -> Mono.empty())
                .doFinally(signal -> session.complete());

        Mono<Void> outbound = socket.send(session.frames()
                        .map(frame -> socket.binaryMessage(factory -> factory.wrap(frame))))
                .onErrorResume(error -> Mono.empty())
                .then(Mono.defer(socket::close));

        long timeoutNanos = properties.getServerTimeout().toNanos();
        Disposable timers = Flux.interval(properties.getServerKeepAliveInterval())
                .subscribe(tick -> {
                    if (System.nanoTime() - lastReceived.get() > timeoutNanos) {
                        log.info("Server connection {} silent for {}; dropping it", session, properties.getServerTimeout());
                        session.complete();
                    } else if (registered.get()) {
                        session.send(PingMessage.KEEP_ALIVE); // only after the handshake response went out
                    }
                });
        Disposable handshakeTimer = Mono.delay(properties.getServerHandshakeTimeout())
                .subscribe(tick -> {
                    if (!handshaken.get()) {
                        log.info("Server connection {} sent no handshake in time", session);
                        session.complete();
                    }
                });

        return Mono.when(inbound, outbound)
                .doFinally(signal -> {
                    timers.dispose();
                    handshakeTimer.dispose();
                    session.complete();
                    if (registered.get()) {
                        disconnected(session);
                    }
                });
    }

    /** Ends a connection whose server sent something invalid, telling it why with a {@code ServiceError}. */
    private static void fail(ServerSession session, AtomicBoolean failed, Throwable error) {
        if (!failed.compareAndSet(false, true)) {
            return;
        }
        if (error instanceof ServiceProtocolException) {
            log.warn("Malformed message from {}: {}", session, error.getMessage());
            session.send(new ServiceErrorMessage(error.getMessage()));
        } else {
            log.warn("Server connection {} failed", session, error);
            session.send(new ServiceErrorMessage("Internal error: " + error.getMessage()));
        }
        session.complete();
    }

    /** Answers the first message; true when the connection is now registered. */
    private boolean handshake(ServerSession session, ServiceMessage message) {
        if (!(message instanceof HandshakeRequestMessage request)) {
            session.send(new ServiceErrorMessage("The first message must be a handshake request."));
            return false;
        }
        if (request.version() != ServiceProtocol.VERSION) {
            session.send(new HandshakeResponseMessage("Protocol version not supported: " + request.version(),
                    ServiceExtensions.NONE, null));
            return false;
        }
        ServiceConnectionType type;
        try {
            type = ServiceConnectionType.of(request.connectionType());
        } catch (IllegalArgumentException e) {
            session.send(new HandshakeResponseMessage("Unknown connection type: " + request.connectionType(),
                    ServiceExtensions.NONE, null));
            return false;
        }
        session.connectionType(type);
        if (!router.addServer(session)) {
            session.send(new HandshakeResponseMessage("A server connection with id '" + session.id()
                    + "' is already connected.", ServiceExtensions.NONE, null));
            return false;
        }
        session.send(new HandshakeResponseMessage("", ServiceExtensions.NONE, session.id()));
        log.info("App server {} connected to hub '{}' (connection {}, {})", session.serverId(), session.hub(),
                session.id(), type);
        return true;
    }

    private void disconnected(ServerSession session) {
        log.info("App server {} disconnected from hub '{}' (connection {})", session.serverId(), session.hub(),
                session.id());
        for (ClientConnection client : router.removeServer(session)) {
            if (client instanceof ServerRoutedClient routed) {
                routed.serverLost(SERVER_GONE);
            } else {
                client.close(SERVER_GONE);
            }
        }
    }

    private static byte[] bytes(WebSocketMessage message) {
        DataBuffer payload = message.getPayload();
        byte[] bytes = new byte[payload.readableByteCount()];
        payload.read(bytes);
        return bytes;
    }

    private static Mono<Void> text(ServerWebExchange exchange, HttpStatus status, String body) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
