package io.hubkit.spring.web;

import io.hubkit.core.observe.BackplaneInspection;
import io.hubkit.spring.endpoint.HubRegistration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Routes the endpoint URLs: {@code {path}/negotiate} to the {@link NegotiateHandler} and
 * {@code {path}} to {@link HubTransports}, for every hub and raw connection endpoint. Paths are
 * compared case-insensitively (within the application's context path) and a trailing slash is
 * ignored. An endpoint's CORS policy ({@link EndpointSettings#cors()}) is applied to both paths,
 * preflight requests included. Ordered before the application's router functions and controllers.
 * Thread-safe.
 */
public class HubHandlerMapping extends AbstractHandlerMapping {

    /** The mapping's order: ahead of router functions (-1) and annotated controllers (0). */
    public static final int ORDER = -10;

    private static final Logger log = LoggerFactory.getLogger(HubHandlerMapping.class);

    private final ServedEndpoints endpoints;
    private final NegotiateHandler negotiateHandler;
    private final HubTransports transports;

    public HubHandlerMapping(ServedEndpoints endpoints, NegotiateHandler negotiateHandler, HubTransports transports) {
        this.endpoints = endpoints;
        this.negotiateHandler = negotiateHandler;
        this.transports = transports;
        setOrder(ORDER);
        for (ServedEndpoint endpoint : endpoints.all()) {
            String transportNames = transports.handlersFor(endpoint).stream().map(TransportHandler::name)
                    .collect(Collectors.joining(", "));
            log.info("Endpoint '{}' mapped to {} - transports: {}{}{}{}", endpoint.name(), endpoint.path(),
                    transportNames.isEmpty() ? "none" : transportNames,
                    endpoint.endpoint() instanceof HubRegistration hub
                            ? "; backplane: " + BackplaneInspection.typeOf(hub.endpoint().backplane()) : "",
                    endpoint.settings().statefulReconnect() ? "; stateful reconnect" : "",
                    endpoint.settings().cors() != null ? "; CORS" : "");
        }
    }

    @Override
    protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return Mono.justOrEmpty(endpoints.match(path).map(match -> match.negotiate()
                ? new EndpointRequestHandler(match.endpoint(), negotiateHandler::handle)
                : new EndpointRequestHandler(match.endpoint(), transports::handle)));
    }
}
