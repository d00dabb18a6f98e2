package io.hubkit.spring.web;

import io.hubkit.spring.endpoint.MappedEndpoint;

/**
 * An endpoint (hub or raw connection endpoint) together with how it is served. What the negotiate
 * handler and the transports receive for each request. Immutable.
 *
 * @param endpoint the hub or raw endpoint
 * @param settings its transports, stateful reconnect and CORS
 */
public record ServedEndpoint(MappedEndpoint endpoint, EndpointSettings settings) {

    /** The endpoint's name; negotiated connections are scoped to it. */
    public String name() {
        return endpoint.name();
    }

    /** The endpoint's URL path. */
    public String path() {
        return endpoint.path();
    }
}
