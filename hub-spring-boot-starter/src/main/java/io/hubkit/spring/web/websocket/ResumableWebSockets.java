package io.hubkit.spring.web.websocket;

import io.hubkit.core.connection.ConnectionInfo;
import io.hubkit.core.connection.ConnectionRequest;
import io.hubkit.core.connection.ResumableTransport;
import io.hubkit.core.connection.ResumableTransport.TransportLostException;
import io.hubkit.spring.web.ConnectionInfos;
import io.hubkit.spring.web.HttpResponses;
import io.hubkit.spring.web.ServedEndpoint;
import io.hubkit.spring.web.connection.Activation;
import io.hubkit.spring.web.connection.NegotiatedConnection;
import io.hubkit.spring.web.connection.NegotiatedConnections;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * WebSockets for connections that negotiated stateful reconnect. The first upgrade starts the
 * connection over a {@link ResumableTransport}; its socket is attached to it. When a socket is lost
 * without a close frame (and the client's handshake asked for it), the connection stays, idle in
 * the registry, and an upgrade with the same {@code id} within the disconnect timeout attaches the
 * client's next socket: the runtime resends what was not acknowledged. An upgrade while a socket
 * is still attached replaces it, as the official server does. A close frame, the disconnect
 * timeout, or a client that did not ask for version 2 end the connection as usual. Thread-safe.
 */
final class ResumableWebSockets {

    private static final Logger log = LoggerFactory.getLogger(ResumableWebSockets.class);

    private final WebSocketService webSocketService;
    private final NegotiatedConnections connections;

    ResumableWebSockets(WebSocketService webSocketService, NegotiatedConnections connections) {
        this.webSocketService = webSocketService;
        this.connections = connections;
    }

    /** Serves an upgrade naming {@code connection}, which negotiated stateful reconnect. */
    Mono<Void> handle(ServerWebExchange exchange, ServedEndpoint endpoint, NegotiatedConnection connection) {
        Activation activation = connection.activate(WebSocketTransport.NAME);
        if (activation == Activation.OTHER_TRANSPORT) {
            return HttpResponses.text(exchange, HttpStatus.BAD_REQUEST, "Cannot change transports mid-connection");
        }
        if (activation == Activation.GONE) {
            return HttpResponses.text(exchange, HttpStatus.NOT_FOUND, "No Connection with that ID");
        }
        if (connection.channel() instanceof WebSocketResumption resumption) {
            if (!resumption.transport().isResumable()) {
                return HttpResponses.text(exchange, activation == Activation.ALREADY_ACTIVE ? HttpStatus.CONFLICT
                        : HttpStatus.NOT_FOUND, activation == Activation.ALREADY_ACTIVE ? "" : "No Connection with that ID");
            }
            log.debug("Connection {} resumes on a new WebSocket", connection.connectionId());
            return upgrade(exchange, session -> resumption.transport().attach(new WebSocketTransport(session),
                    frames(session)), () -> connections.markIdle(connection));
        }
        WebSocketResumption resumption = new WebSocketResumption();
        if (activation == Activation.ALREADY_ACTIVE || !connection.attach(resumption)) {
            return HttpResponses.text(exchange, HttpStatus.CONFLICT, "");
        }
        ResumableTransport transport = resumption.transport();
        transport.onDetached(() -> connections.markIdle(connection));
        ConnectionInfo info = ConnectionInfos.from(exchange.getRequest(), WebSocketTransport.NAME);
        return exchange.getPrincipal()
                .map(Optional::<Principal>of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(principal -> upgrade(exchange, session -> {
                    ConnectionRequest request = new ConnectionRequest(connection.connectionId(), principal.orElse(null), info);
                    endpoint.endpoint().connect(transport, transport.inbound(), request)
                            .doFinally(signal -> connections.release(connection))
                            .subscribe(null, error -> log.error("Connection {} failed", request.connectionId(), error));
                    return transport.attach(new WebSocketTransport(session), frames(session));
                }, () -> connections.release(connection)));
    }

    /**
     * Upgrades and runs {@code socketHandler} for the session; {@code notStarted} runs when the
     * upgrade did not happen (refused or failed).
     */
    private Mono<Void> upgrade(ServerWebExchange exchange, Function<WebSocketSession, Mono<Void>> socketHandler,
                               Runnable notStarted) {
        AtomicBoolean started = new AtomicBoolean();
        return webSocketService.handleRequest(exchange, session -> {
                    started.set(true);
                    return socketHandler.apply(session);
                })
                .doFinally(signal -> {
                    if (!started.get()) {
                        notStarted.run();
                    }
                });
    }

    /**
     * The socket's inbound bytes; when the socket fails (e.g. reset) or ends without a close frame
     * from either side, the stream fails with {@link TransportLostException}, so that the connection
     * can wait for the client.
     */
    static Flux<ByteBuffer> frames(WebSocketSession session) {
        return new InboundFrames(session.receive())
                .onErrorMap(error -> !(error instanceof TransportLostException),
                        error -> new TransportLostException("The WebSocket failed: " + error))
                .concatWith(Mono.defer(() -> session.closeStatus().hasElement()
                        .flatMap(closedWithFrame -> closedWithFrame ? Mono.<ByteBuffer>empty()
                                : Mono.error(new TransportLostException("The WebSocket was lost without a close frame")))));
    }
}
