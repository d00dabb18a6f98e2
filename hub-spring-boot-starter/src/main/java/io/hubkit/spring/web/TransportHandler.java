package io.hubkit.spring.web;

import io.hubkit.core.protocol.TransferFormat;
import io.hubkit.spring.web.connection.NegotiatedConnection;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One SignalR transport served on an endpoint's path. Negotiate lists the transports in the order of
 * their handlers (WebSockets, Server-Sent Events, long polling); {@link HubTransports} hands each
 * request on {@code {path}} to the handler it belongs to, once it has checked that the endpoint
 * offers the transport. Implementations are singletons, thread-safe, and must not block.
 */
public interface TransportHandler {

    /** The transport's name as clients know it: {@code WebSockets}, {@code ServerSentEvents}, {@code LongPolling}. */
    String name();

    /** The transfer formats negotiate advertises for this transport. */
    List<TransferFormat> transferFormats();

    /**
     * Whether this GET on an endpoint's path asks for this transport (a WebSocket upgrade, an event
     * stream, a poll). At most one handler accepts any request.
     */
    boolean accepts(ServerHttpRequest request);

    /**
     * Serves a GET that {@link #accepts} this transport: looks up or creates the connection, runs or
     * feeds it, and completes when the request is over.
     */
    Mono<Void> handleGet(ServerWebExchange exchange, ServedEndpoint endpoint);

    /** Serves a POST (client-to-server data) naming a connection this transport carries. */
    Mono<Void> handlePost(ServerWebExchange exchange, ServedEndpoint endpoint, NegotiatedConnection connection);

    /** Serves a DELETE (client ends the connection) naming a connection this transport carries. */
    Mono<Void> handleDelete(ServerWebExchange exchange, ServedEndpoint endpoint, NegotiatedConnection connection);
}
