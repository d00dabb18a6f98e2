package io.hubkit.spring.web;

import io.hubkit.spring.web.NegotiateResponses.AvailableTransport;
import io.hubkit.spring.web.connection.NegotiatedConnection;
import io.hubkit.spring.web.connection.NegotiatedConnections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Serves {@code POST {path}/negotiate}: picks the negotiate version (query {@code negotiateVersion},
 * any case: missing → 0, above 1 → 1, not an integer (a repeated parameter included: its values
 * are read joined with commas, as the official server reads them) or negative → an error body with
 * HTTP 200),
 * registers a new connection and answers with its id, its token (version 1), the transports the
 * endpoint offers and — when the client asked with {@code useStatefulReconnect=true} and the
 * endpoint allows it — {@code "useStatefulReconnect":true} (any case, surrounding blanks ignored;
 * any other value, a repeated one included, asks for nothing). The connection is recorded with the
 * name of the negotiating principal (see {@link HubTransports} for what that guards). Other methods get 405; a full
 * connection registry gets 503. With {@link NegotiateRedirects}, a request it redirects is answered
 * {@code {"url":…,"accessToken":…}} instead (after the version checks) and no connection is registered.
 * Thread-safe.
 */
public final class NegotiateHandler {

    /** The highest negotiate version this server speaks. */
    public static final int MAX_VERSION = 1;

    private final NegotiatedConnections connections;
    private final HubTransports transports;
    private final NegotiateRedirects redirects;

    public NegotiateHandler(NegotiatedConnections connections, HubTransports transports) {
        this(connections, transports, null);
    }

    /** A handler that first asks {@code redirects} (may be {@code null}) whether to send the client elsewhere. */
    public NegotiateHandler(NegotiatedConnections connections, HubTransports transports,
                            NegotiateRedirects redirects) {
        this.connections = connections;
        this.transports = transports;
        this.redirects = redirects;
    }

    public Mono<Void> handle(ServerWebExchange exchange, ServedEndpoint endpoint) {
        if (!HttpMethod.POST.equals(exchange.getRequest().getMethod())) {
            exchange.getResponse().getHeaders().setAllow(Set.of(HttpMethod.POST));
            return HttpResponses.text(exchange, HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed");
        }
        String requested = QueryParameters.joined(exchange.getRequest(), "negotiateVersion");
        int version;
        if (requested == null) {
            version = 0;
        } else {
            try {
                version = Integer.parseInt(requested.trim());
            } catch (NumberFormatException e) {
                return HttpResponses.json(exchange,
                        NegotiateResponses.error("The client requested a non-integer protocol version."));
            }
        }
        if (version < 0) {
            return HttpResponses.json(exchange, NegotiateResponses.error(
                    "The client requested version '" + version + "', but the server does not support this version."));
        }
        version = Math.min(version, MAX_VERSION);
        boolean stateful = endpoint.settings().statefulReconnect()
                && isTrue(QueryParameters.joined(exchange.getRequest(), "useStatefulReconnect"));
        int negotiated = version;
        if (redirects != null) {
            return redirects.redirect(exchange, endpoint)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(redirect -> redirect.isPresent()
                            ? HttpResponses.json(exchange,
                                    NegotiateResponses.redirect(redirect.get().url(), redirect.get().accessToken()))
                            : negotiateHere(exchange, endpoint, negotiated, stateful));
        }
        return negotiateHere(exchange, endpoint, negotiated, stateful);
    }

    private Mono<Void> negotiateHere(ServerWebExchange exchange, ServedEndpoint endpoint, int negotiated,
                                     boolean stateful) {
        return RequestUsers.nameOf(exchange).flatMap(userName -> {
            NegotiatedConnection connection = connections.negotiate(endpoint.name(), negotiated, stateful,
                    userName.orElse(null));
            if (connection == null) {
                return HttpResponses.text(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Too many connections");
            }
            return answer(exchange, endpoint, negotiated, connection, stateful);
        });
    }

    private Mono<Void> answer(ServerWebExchange exchange, ServedEndpoint endpoint, int version,
                              NegotiatedConnection connection, boolean stateful) {
        List<AvailableTransport> available = transports.handlersFor(endpoint).stream()
                .map(handler -> new AvailableTransport(handler.name(), handler.transferFormats()))
                .toList();
        return HttpResponses.json(exchange, NegotiateResponses.success(version, connection.connectionId(),
                connection.token(), available, stateful));
    }

    private static boolean isTrue(String value) {
        return value != null && "true".equalsIgnoreCase(value.trim());
    }
}
