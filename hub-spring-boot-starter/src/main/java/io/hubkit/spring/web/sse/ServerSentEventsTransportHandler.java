package io.hubkit.spring.web.sse;

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
import io.hubkit.spring.web.http.HandoffStream;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The Server-Sent Events transport: {@code GET {path}?id=<token>} with {@code Accept:
 * text/event-stream} opens the server-to-client stream and starts the connection; the client sends
 * with {@code POST {path}?id=<token>}.
 * <ul>
 *   <li>GET without {@code id} → 400 {@code Connection ID required}; unknown or ended → 404
 *       {@code No Connection with that ID}; a second stream while one is open → 409; a connection
 *       started on another transport → 400 {@code Cannot change transports mid-connection}.</li>
 *   <li>The stream: 200, {@code text/event-stream}, no caching, identity encoding, the comment
 *       {@code :\r\n} at once, then one event per runtime write. It ends when the connection ends;
 *       the client dropping it ends the connection.</li>
 *   <li>POST: the body goes to the connection ({@link io.hubkit.spring.web.http.ClientSends}); DELETE → 400
 *       {@code Cannot terminate this connection using the DELETE endpoint.}</li>
 * </ul>
 * The principal and request of the GET are the connection's for its life. Thread-safe.
 */
public final class ServerSentEventsTransportHandler implements TransportHandler {

    private static final Logger log = LoggerFactory.getLogger(ServerSentEventsTransportHandler.class);
    private static final List<TransferFormat> FORMATS = List.of(TransferFormat.TEXT);
    private static final MediaType EVENT_STREAM = MediaType.TEXT_EVENT_STREAM;

    private final NegotiatedConnections connections;

    public ServerSentEventsTransportHandler(NegotiatedConnections connections) {
        this.connections = connections;
    }

    @Override
    public String name() {
        return ServerSentEventsTransport.NAME;
    }

    @Override
    public List<TransferFormat> transferFormats() {
        return FORMATS;
    }

    @Override
    public boolean accepts(ServerHttpRequest request) {
        return !HubTransports.isWebSocketUpgrade(request) && HubTransports.acceptsEventStream(request);
    }

    @Override
    public Mono<Void> handleGet(ServerWebExchange exchange, ServedEndpoint endpoint) {
        String token = QueryParameters.first(exchange.getRequest(), "id");
        if (token == null || token.isEmpty()) {
            return HttpResponses.text(exchange, HttpStatus.BAD_REQUEST, "Connection ID required");
        }
        NegotiatedConnection connection = connections.find(token, endpoint.name());
        if (connection == null) {
            return HttpResponses.text(exchange, HttpStatus.NOT_FOUND, "No Connection with that ID");
        }
        switch (connection.activate(name())) {
            case ACTIVATED:
                break;
            case ALREADY_ACTIVE:
                return HttpResponses.text(exchange, HttpStatus.CONFLICT, "");
            case OTHER_TRANSPORT:
                return HttpResponses.text(exchange, HttpStatus.BAD_REQUEST, "Cannot change transports mid-connection");
            default:
                return HttpResponses.text(exchange, HttpStatus.NOT_FOUND, "No Connection with that ID");
        }
        ServerSentEventsChannel channel = new ServerSentEventsChannel();
        if (!connection.attach(channel)) {
            connections.release(connection);
            return HttpResponses.text(exchange, HttpStatus.NOT_FOUND, "No Connection with that ID");
        }
        ConnectionInfo info = ConnectionInfos.from(exchange.getRequest(), name());
        return exchange.getPrincipal()
                .map(Optional::<Principal>of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(principal -> stream(exchange, endpoint, connection, channel,
                        new ConnectionRequest(connection.connectionId(), principal.orElse(null), info)));
    }

    private Mono<Void> stream(ServerWebExchange exchange, ServedEndpoint endpoint, NegotiatedConnection connection,
                              ServerSentEventsChannel channel, ConnectionRequest request) {
        ServerHttpResponse response = exchange.getResponse();
        HandoffStream<DataBuffer> events = new HandoffStream<>(channel.sends()::clientGone);
        ServerSentEventsTransport transport = new ServerSentEventsTransport(events, response.bufferFactory());
        events.push(response.bufferFactory().wrap(EventStreamFormat.PRIMING)).subscribe(null, e -> { });

        response.setStatusCode(HttpStatus.OK);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(EVENT_STREAM);
        headers.setCacheControl("no-cache,no-store");
        headers.setPragma("no-cache");
        headers.set(HttpHeaders.CONTENT_ENCODING, "identity");
        headers.set("X-Accel-Buffering", "no");

        endpoint.endpoint().connect(transport, channel.sends().inbound(), request)
                .doFinally(signal -> connections.release(connection))
                .subscribe(null, error -> log.error("Connection {} failed", request.connectionId(), error));
        return response.writeAndFlushWith(events.map(Mono::just))
                .doFinally(signal -> channel.sends().clientGone());
    }

    @Override
    public Mono<Void> handlePost(ServerWebExchange exchange, ServedEndpoint endpoint, NegotiatedConnection connection) {
        if (!(connection.channel() instanceof ServerSentEventsChannel channel)) {
            return HttpResponses.text(exchange, HttpStatus.NOT_FOUND, "No Connection with that ID");
        }
        return channel.sends().handlePost(exchange);
    }

    @Override
    public Mono<Void> handleDelete(ServerWebExchange exchange, ServedEndpoint endpoint, NegotiatedConnection connection) {
        return HttpResponses.text(exchange, HttpStatus.BAD_REQUEST,
                "Cannot terminate this connection using the DELETE endpoint.");
    }
}
