package io.hubkit.spring.web;

import io.hubkit.spring.web.connection.NegotiatedConnection;
import io.hubkit.spring.web.connection.NegotiatedConnections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one place that knows which transports exist and which request goes to which: the list
 * negotiate advertises for an endpoint, and the dispatch of every request on an endpoint's path,
 * with the status codes the official server uses when no transport applies (text/plain bodies):
 * <ul>
 *   <li>GET: to the handler that {@linkplain TransportHandler#accepts accepts} it if the endpoint
 *       offers that transport; otherwise 404 {@code <Transport> transport not supported by this end
 *       point type}, the transport being WebSockets for an upgrade, ServerSentEvents for
 *       {@code Accept: text/event-stream}, LongPolling for anything else;</li>
 *   <li>POST and DELETE: 400 {@code Connection ID required} without {@code id}, 404
 *       {@code No Connection with that ID} for an unknown one, 400 when no transport has taken the
 *       connection yet, else to the handler of the connection's transport;</li>
 *   <li>any other method: 405.</li>
 * </ul>
 * Every request naming a live connection ({@code id}) must come from a principal with the name of
 * the one that negotiated it (both anonymous, or the same {@code getName()}), as the official server
 * checks: otherwise it gets 403 {@code Forbidden} and the connection is left as it was.
 * Immutable and thread-safe.
 */
public final class HubTransports {

    private final List<TransportHandler> handlers;
    private final NegotiatedConnections connections;

    public HubTransports(List<TransportHandler> handlers, NegotiatedConnections connections) {
        this.handlers = List.copyOf(handlers);
        this.connections = connections;
    }

    /** Every transport the server has, in the order negotiate lists them. */
    public List<TransportHandler> handlers() {
        return handlers;
    }

    /** The transports {@code endpoint} offers, in the order negotiate lists them. */
    public List<TransportHandler> handlersFor(ServedEndpoint endpoint) {
        return handlers.stream().filter(handler -> endpoint.settings().offers(handler.name())).toList();
    }

    /** Serves one request on {@code endpoint}'s path (not its negotiate path). */
    public Mono<Void> handle(ServerWebExchange exchange, ServedEndpoint endpoint) {
        NegotiatedConnection named = connections.find(QueryParameters.first(exchange.getRequest(), "id"), endpoint.name());
        if (named == null) {
            return dispatch(exchange, endpoint);
        }
        return RequestUsers.nameOf(exchange).flatMap(userName -> named.belongsTo(userName.orElse(null))
                ? dispatch(exchange, endpoint)
                : HttpResponses.text(exchange, HttpStatus.FORBIDDEN, "Forbidden"));
    }

    private Mono<Void> dispatch(ServerWebExchange exchange, ServedEndpoint endpoint) {
        ServerHttpRequest request = exchange.getRequest();
        HttpMethod method = request.getMethod();
        if (HttpMethod.GET.equals(method)) {
            for (TransportHandler handler : handlers) {
                if (handler.accepts(request) && endpoint.settings().offers(handler.name())) {
                    return handler.handleGet(exchange, endpoint);
                }
            }
            return HttpResponses.text(exchange, HttpStatus.NOT_FOUND,
                    requestedTransport(request) + " transport not supported by this end point type");
        }
        if (HttpMethod.POST.equals(method) || HttpMethod.DELETE.equals(method)) {
            String token = QueryParameters.first(request, "id");
            if (token == null || token.isEmpty()) {
                return HttpResponses.text(exchange, HttpStatus.BAD_REQUEST, "Connection ID required");
            }
            NegotiatedConnection connection = connections.find(token, endpoint.name());
            if (connection == null) {
                return HttpResponses.text(exchange, HttpStatus.NOT_FOUND, "No Connection with that ID");
            }
            TransportHandler handler = handlerFor(connection.transport());
            if (handler == null) {
                return HttpResponses.text(exchange, HttpStatus.BAD_REQUEST,
                        "The connection has not been started by a transport yet.");
            }
            return HttpMethod.POST.equals(method)
                    ? handler.handlePost(exchange, endpoint, connection)
                    : handler.handleDelete(exchange, endpoint, connection);
        }
        exchange.getResponse().getHeaders().setAllow(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE));
        return HttpResponses.text(exchange, HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed");
    }

    /** Whether {@code request} asks to be upgraded to a WebSocket. */
    public static boolean isWebSocketUpgrade(ServerHttpRequest request) {
        String upgrade = request.getHeaders().getUpgrade();
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }

    /** Whether {@code request} asks for an event stream ({@code Accept: text/event-stream}). */
    public static boolean acceptsEventStream(ServerHttpRequest request) {
        for (String accept : request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT)) {
            if (accept.toLowerCase(Locale.ROOT).contains("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    private TransportHandler handlerFor(String transport) {
        if (transport == null) {
            return null;
        }
        for (TransportHandler handler : handlers) {
            if (handler.name().equals(transport)) {
                return handler;
            }
        }
        return null;
    }

    private static String requestedTransport(ServerHttpRequest request) {
        if (isWebSocketUpgrade(request)) {
            return "WebSockets";
        }
        if (acceptsEventStream(request)) {
            return "ServerSentEvents";
        }
        return "LongPolling";
    }
}
