package io.hubkit.spring.endpoint;

import io.hubkit.core.connection.ConnectionRequest;
import io.hubkit.core.connection.Transport;
import io.hubkit.spring.TransportType;
import java.nio.ByteBuffer;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Something the starter serves on a URL path with negotiate and the transports: a hub
 * ({@link HubRegistration}) or a raw connection endpoint ({@link RawEndpointRegistration}). The
 * transports only see this type, so every transport works for both. Implementations are
 * immutable and thread-safe.
 */
public interface MappedEndpoint {

    /** The endpoint's name, unique across hubs and raw endpoints; negotiated connections are scoped to it. */
    String name();

    /** The URL path, starting with {@code /}, without a trailing {@code /}, as declared (case kept). */
    String path();

    /** The transports the endpoint's annotation allows; empty means no restriction. */
    Set<TransportType> declaredTransports();

    /**
     * Runs one client connection over {@code transport} to its end (lazily, on subscription). The
     * {@code Mono} completes once the connection is over and the transport closed; it never fails.
     * Cancelling it ends the connection as if the client had gone away.
     *
     * @param inbound the bytes the client sends, in order; completing means the client went away
     */
    Mono<Void> connect(Transport transport, Flux<ByteBuffer> inbound, ConnectionRequest request);
}
