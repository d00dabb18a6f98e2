package io.hubkit.spring.endpoint;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.connection.ConnectionRequest;
import io.hubkit.core.connection.Transport;
import io.hubkit.spring.TransportType;
import java.nio.ByteBuffer;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One hub as the application serves it: the bean, its normalised URL path, the transports its
 * {@code @Hub} allows and its runtime endpoint. Immutable.
 *
 * @param beanName           the hub bean's name
 * @param hubClass           the hub bean's user class (the class annotated {@code @Hub})
 * @param path               the URL path, starting with {@code /}, without a trailing {@code /}, as declared (case kept)
 * @param endpoint           the runtime endpoint serving the hub's connections
 * @param declaredTransports the transports of {@code @Hub(transports = …)}; empty means no restriction
 */
public record HubRegistration(String beanName, Class<?> hubClass, String path, HubEndpoint endpoint,
                              Set<TransportType> declaredTransports) implements MappedEndpoint {

    public HubRegistration {
        declaredTransports = Set.copyOf(declaredTransports);
    }

    /** A registration whose hub allows every transport. */
    public HubRegistration(String beanName, Class<?> hubClass, String path, HubEndpoint endpoint) {
        this(beanName, hubClass, path, endpoint, Set.of());
    }

    /** The hub's name, as the runtime and the backplane know it. */
    @Override
    public String name() {
        return endpoint.name();
    }

    /** Runs the connection through the hub's {@code HubConnectionHandler}: handshake, hub methods, and the end. */
    @Override
    public Mono<Void> connect(Transport transport, Flux<ByteBuffer> inbound, ConnectionRequest request) {
        return endpoint.connectionHandler().handle(transport, inbound, request);
    }
}
