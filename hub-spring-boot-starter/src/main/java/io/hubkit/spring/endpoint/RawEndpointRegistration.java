package io.hubkit.spring.endpoint;

import io.hubkit.core.connection.ConnectionRequest;
import io.hubkit.core.connection.Transport;
import io.hubkit.spring.TransportType;
import io.hubkit.spring.connection.ConnectionHandler;
import java.nio.ByteBuffer;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One raw connection endpoint ({@link io.hubkit.spring.connection.ConnectionEndpoint @ConnectionEndpoint}
 * bean) as the application serves it. Each connection is handed to the bean's
 * {@link ConnectionHandler} as a {@link io.hubkit.spring.connection.RawConnection}; when the handler's
 * {@code Mono} terminates, the transport is closed. Immutable.
 *
 * @param beanName           the handler bean's name
 * @param handlerClass       the handler bean's user class
 * @param name               the endpoint's name
 * @param path               the URL path, normalised, case kept
 * @param declaredTransports the transports of the annotation; empty means no restriction
 * @param handler            the application's handler
 */
public record RawEndpointRegistration(String beanName, Class<?> handlerClass, String name, String path,
                                      Set<TransportType> declaredTransports, ConnectionHandler handler)
        implements MappedEndpoint {

    private static final Logger log = LoggerFactory.getLogger(RawEndpointRegistration.class);

    public RawEndpointRegistration {
        declaredTransports = Set.copyOf(declaredTransports);
    }

    @Override
    public Mono<Void> connect(Transport transport, Flux<ByteBuffer> inbound, ConnectionRequest request) {
        return Mono.defer(() -> {
            TransportRawConnection connection = new TransportRawConnection(transport, inbound, request);
            return Mono.defer(() -> handler.onConnected(connection))
                    .onErrorResume(error -> {
                        log.warn("Connection handler of endpoint '{}' failed for connection {}", name,
                                request.connectionId(), error);
                        return Mono.empty();
                    })
                    .then(Mono.defer(connection::close))
                    .doOnCancel(() -> connection.close().subscribe());
        });
    }
}
