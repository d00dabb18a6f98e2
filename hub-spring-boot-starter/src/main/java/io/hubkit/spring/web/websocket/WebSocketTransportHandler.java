package io.hubkit.spring.web.websocket;

import io.hubkit.core.connection.ConnectionInfo;
import io.hubkit.core.connection.ConnectionRequest;
import io.hubkit.core.protocol.TransferFormat;
import io.hubkit.spring.web.ConnectionInfos;
import io.hubkit.spring.web.HttpResponses;
import io.hubkit.spring.web.HubTransports;
import io.hubkit.spring.web.QueryParameters;
import io.hubkit.spring.web.ServedEndpoint;
import io.hubkit.spring.web.TransportHandler;
import io.hubkit.spring.web.connection.Activation;
import io.hubkit.spring.web.connection.NegotiatedConnection;
import io.hubkit.spring.web.connection.NegotiatedConnections;
import io.netty.channel.ChannelPipeline;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * The WebSockets transport: a GET upgrade on a hub's path.
 * <ul>
 *   <li>With {@code ?id=<token>}: the negotiated connection is taken (unknown or expired → 404
 *       {@code No Connection with that ID}; already carried by another WebSocket → 409; started on
 *       another transport → 400 {@code Cannot change transports mid-connection}).</li>
 *   <li>Without {@code id} (the client skipped negotiation): a connection is created on the spot.</li>
 * </ul>
 * A connection that negotiated stateful reconnect is served by {@link ResumableWebSockets}: its
 * socket may be lost and replaced by the client's next upgrade with the same {@code id}.
 * Otherwise the upgraded session runs the connection to its end through the endpoint (a hub's
 * {@code HubConnectionHandler}, or a raw connection handler): inbound text and binary frames feed the runtime's byte stream
 * ({@link InboundFrames}), and the principal of the upgrade request stays the connection's
 * for its life. When the connection ends, its token stops working. POST and DELETE on a
 * WebSocket connection are refused as the official server does. Thread-safe.
 */
public final class WebSocketTransportHandler implements TransportHandler {

    private static final List<TransferFormat> FORMATS = List.of(TransferFormat.TEXT, TransferFormat.BINARY);

    private final WebSocketService webSocketService;
    private final NegotiatedConnections connections;
    private final ResumableWebSockets resumable;

    public WebSocketTransportHandler(WebSocketService webSocketService, NegotiatedConnections connections) {
        this.webSocketService = webSocketService;
        this.connections = connections;
        this.resumable = new ResumableWebSockets(webSocketService, connections);
    }

    @Override
    public String name() {
        return WebSocketTransport.NAME;
    }

    @Override
    public List<TransferFormat> transferFormats() {
        return FORMATS;
    }

    @Override
    public boolean accepts(ServerHttpRequest request) {
        return HubTransports.isWebSocketUpgrade(request);
    }

    @Override
    public Mono<Void> handleGet(ServerWebExchange exchange, ServedEndpoint endpoint) {
        String token = QueryParameters.first(exchange.getRequest(), "id");
        NegotiatedConnection connection;
        if (token == null || token.isEmpty()) {
            connection = connections.createUnregistered(endpoint.name());
        } else {
            connection = connections.find(token, endpoint.name());
            if (connection == null) {
                return HttpResponses.text(exchange, HttpStatus.NOT_FOUND, "No Connection with that ID");
            }
            if (connection.statefulReconnect()) {
                answerStatuslessCloseWithNormal(exchange);
                return resumable.handle(exchange, endpoint, connection);
            }
        }
        Activation activation = connection.activate(name());
        switch (activation) {
            case ACTIVATED:
                break;
            case ALREADY_ACTIVE:
                return HttpResponses.text(exchange, HttpStatus.CONFLICT, "");
            case OTHER_TRANSPORT:
                return HttpResponses.text(exchange, HttpStatus.BAD_REQUEST, "Cannot change transports mid-connection");
            default:
                return HttpResponses.text(exchange, HttpStatus.NOT_FOUND, "No Connection with that ID");
        }
        ConnectionInfo info = ConnectionInfos.from(exchange.getRequest(), name());
        answerStatuslessCloseWithNormal(exchange);
        AtomicBoolean sessionStarted = new AtomicBoolean();
        return exchange.getPrincipal()
                .map(Optional::<Principal>of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(principal -> webSocketService.handleRequest(exchange, session -> {
                    sessionStarted.set(true);
                    ConnectionRequest request = new ConnectionRequest(connection.connectionId(), principal.orElse(null), info);
                    return run(session, endpoint, request).doFinally(signal -> connections.release(connection));
                }))
                .doFinally(signal -> {
                    if (!sessionStarted.get()) {
                        connections.release(connection);
                    }
                });
    }

    @Override
    public Mono<Void> handlePost(ServerWebExchange exchange, ServedEndpoint endpoint, NegotiatedConnection connection) {
        return HttpResponses.text(exchange, HttpStatus.METHOD_NOT_ALLOWED,
                "POST requests are not allowed for WebSocket connections.");
    }

    @Override
    public Mono<Void> handleDelete(ServerWebExchange exchange, ServedEndpoint endpoint, NegotiatedConnection connection) {
        return HttpResponses.text(exchange, HttpStatus.BAD_REQUEST,
                "Cannot terminate this connection using the DELETE endpoint.");
    }

    /** On Reactor Netty, puts {@link NormalCloseReply} at the end of the connection's pipeline, for the socket's life. */
    private static void answerStatuslessCloseWithNormal(ServerWebExchange exchange) {
        if (ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest()) instanceof Connection connection) {
            ChannelPipeline pipeline = connection.channel().pipeline();
            if (pipeline.get(NormalCloseReply.NAME) == null) {
                pipeline.addLast(NormalCloseReply.NAME, NormalCloseReply.INSTANCE);
            }
        }
    }

    private static Mono<Void> run(WebSocketSession session, ServedEndpoint endpoint, ConnectionRequest request) {
        return endpoint.endpoint().connect(new WebSocketTransport(session), new InboundFrames(session.receive()), request);
    }
}
