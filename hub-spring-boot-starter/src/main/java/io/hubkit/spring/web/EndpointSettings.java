package io.hubkit.spring.web;

import io.hubkit.spring.TransportType;
import java.util.Set;
import org.springframework.web.cors.CorsConfiguration;

/**
 * How one endpoint is served, as resolved from configuration and its annotation: the transports it
 * offers, whether it grants stateful reconnect, and its CORS policy ({@code null}: none, requests
 * from other origins are left to the application). Immutable.
 *
 * @param transports        the transports offered; negotiate lists them in the server's order
 * @param statefulReconnect whether a client asking for stateful reconnect gets it (WebSockets only)
 * @param cors              the CORS policy of the endpoint's negotiate and transport requests, or {@code null}
 */
public record EndpointSettings(Set<TransportType> transports, boolean statefulReconnect, CorsConfiguration cors) {

    public EndpointSettings {
        transports = Set.copyOf(transports);
    }

    /** Every transport, no stateful reconnect, no CORS. */
    public static EndpointSettings defaults() {
        return new EndpointSettings(Set.of(TransportType.values()), false, null);
    }

    /** Whether the endpoint offers the transport called {@code transportName}. */
    public boolean offers(String transportName) {
        TransportType type = TransportType.fromWireName(transportName);
        return type != null && transports.contains(type);
    }
}
