package io.hubkit.spring.web.longpolling;

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
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The long-polling transport: polls are {@code GET {path}?id=<token>} (any GET that is neither a
 * WebSocket upgrade nor asks for an event stream), sends are {@code POST}, {@code DELETE} ends the
 * connection.
 * <ul>
 *   <li>Without {@code id} → 400 {@code Connection ID required}; unknown or ended → 404
 *       {@code No Connection with that ID}; started on another transport → 400
 *       {@code Cannot change transports mid-connection}.</li>
 *   <li>The first poll starts the connection and is answered at once: 200, empty
 *       {@code application/octet-stream}. Its request and principal are the connection's.</li>
 *   <li>Later polls: 200 with what the server has written (one runtime write per poll), 200 with an
 *       empty body after the poll timeout, 204 once the connection has ended or when a newer poll
 *       replaces this one.</li>
 *   <li>POST: the body goes to the connection ({@link io.hubkit.spring.web.http.ClientSends}).
 *       DELETE → 202; the connection ends and a waiting poll gets 204.</li>
 * </ul>
 * Every poll answer carries no-cache headers. A connection no poll has carried for the disconnect
 * timeout expires. Thread-safe.
 */
public final class LongPollingTransportHandler implements TransportHandler {

    private static final Logger log = LoggerFactory.getLogger(LongPollingTransportHandler.class);
    private static final List<TransferFormat> FORMATS = List.of(TransferFormat.TEXT, TransferFormat.BINARY);

    private final NegotiatedConnections connections;
    private final Duration pollTimeout;
    private final Scheduler timer;

    /** A handler whose polls wait up to {@code pollTimeout} for data (keep it below the clients' 100 s). */
    public LongPollingTransportHandler(NegotiatedConnections connections, Duration pollTimeout) {
        this(connections, pollTimeout, Schedulers.parallel());
    }

    LongPollingTransportHandler(NegotiatedConnections connections, Duration pollTimeout, Scheduler timer) {
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("poll timeout must be positive: " + pollTimeout);
        }
        this.connections = connections;
        this.pollTimeout = pollTimeout;
        this.timer = timer;
    }

    @Override
    public String name() {
        return LongPollingTransport.NAME;
    }

    @Override
    public List<TransferFormat> transferFormats() {
        return FORMATS;
    }

    @Override
    public boolean accepts(ServerHttpRequest request) {
        return !HubTransports.isWebSocketUpgrade(request) && !HubTransports.acceptsEventStream(request);
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
        noCache(exchange);
        log.trace("GET for {}", connection.connectionId());
        if (connection.channel() instanceof LongPollingTransport transport) {
            return transport.poll(exchange);
        }
        Activation activation = connection.activate(name());
        if (activation == Activation.OTHER_TRANSPORT) {
            return HttpResponses.text(exchange, HttpStatus.BAD_REQUEST, "Cannot change transports mid-connection");
        }
        if (activation == Activation.GONE) {
            return HttpResponses.text(exchange, HttpStatus.NOT_FOUND, "No Connection with that ID");
        }
        LongPollingTransport transport = new LongPollingTransport(connection, connections, pollTimeout, timer);
        if (activation == Activation.ALREADY_ACTIVE || !connection.attach(transport)) {
            // another first poll is starting the connection right now: this one is an ordinary poll
            return connection.channel() instanceof LongPollingTransport started
                    ? started.poll(exchange)
                    : HttpResponses.text(exchange, HttpStatus.CONFLICT, "");
        }
        ConnectionInfo info = ConnectionInfos.from(exchange.getRequest(), name());
        return exchange.getPrincipal()
                .map(Optional::<Principal>of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(principal -> {
                    ConnectionRequest request = new ConnectionRequest(connection.connectionId(), principal.orElse(null), info);
                    endpoint.endpoint().connect(transport, transport.sends().inbound(), request)
                            .doFinally(signal -> connections.release(connection))
                            .subscribe(null, error -> log.error("Connection {} failed", request.connectionId(), error));
                    return HttpResponses.bytes(exchange, HttpStatus.OK, MediaType.APPLICATION_OCTET_STREAM, new byte[0]);
                })
                .doFinally(signal -> transport.firstPollAnswered());
    }

    @Override
    public Mono<Void> handlePost(ServerWebExchange exchange, ServedEndpoint endpoint, NegotiatedConnection connection) {
        if (!(connection.channel() instanceof LongPollingTransport transport)) {
            return HttpResponses.text(exchange, HttpStatus.NOT_FOUND, "No Connection with that ID");
        }
        log.trace("POST for {}", connection.connectionId());
        return transport.sends().handlePost(exchange)
                .doFinally(signal -> log.trace("POST for {} done: {}", connection.connectionId(), signal));
    }

    @Override
    public Mono<Void> handleDelete(ServerWebExchange exchange, ServedEndpoint endpoint, NegotiatedConnection connection) {
        if (connection.channel() instanceof LongPollingTransport transport) {
            transport.terminate();
        }
        return HttpResponses.empty(exchange, HttpStatus.ACCEPTED);
    }

    private static void noCache(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.setCacheControl("no-cache, no-store");
        headers.setPragma("no-cache");
        headers.set(HttpHeaders.EXPIRES, "Thu, 01 Jan 1970 00:00:00 GMT");
    }
}
