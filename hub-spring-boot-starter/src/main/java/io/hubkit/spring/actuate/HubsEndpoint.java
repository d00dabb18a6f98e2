package io.hubkit.spring.actuate;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.observe.BackplaneInspection;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.spring.endpoint.HubEndpointRegistry;
import io.hubkit.spring.endpoint.HubRegistration;
import io.hubkit.spring.web.HubTransports;
import io.hubkit.spring.web.ServedEndpoint;
import io.hubkit.spring.web.ServedEndpoints;
import io.hubkit.spring.web.TransportHandler;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code hubs} Actuator endpoint: for each hub its path, transports, protocols, methods, the
 * connections, groups and users on this server, and its backplane's type and state
 * ({@code GET /actuator/hubs}, one hub at {@code GET /actuator/hubs/{name}}). Reading it never
 * blocks: backplane states are checked reactively, each bounded by the backplane's own timeout.
 * Thread-safe.
 */
@Endpoint(id = "hubs")
public class HubsEndpoint {

    private final HubEndpointRegistry hubs;
    private final ServedEndpoints servedEndpoints;
    private final HubTransports transports;

    public HubsEndpoint(HubEndpointRegistry hubs, ServedEndpoints servedEndpoints, HubTransports transports) {
        this.hubs = hubs;
        this.servedEndpoints = servedEndpoints;
        this.transports = transports;
    }

    @ReadOperation
    public Mono<HubsDescriptor> hubs() {
        return Flux.fromIterable(hubs.registrations())
                .concatMap(this::describe)
                .collectList()
                .map(HubsDescriptor::new);
    }

    /** One hub by name (case-sensitive); {@code 404} for an unknown name. */
    @ReadOperation
    public Mono<HubDescriptor> hub(@Selector String name) {
        return Flux.fromIterable(hubs.registrations())
                .filter(registration -> registration.name().equals(name))
                .next()
                .flatMap(this::describe);
    }

    private Mono<HubDescriptor> describe(HubRegistration registration) {
        HubEndpoint endpoint = registration.endpoint();
        Backplane backplane = endpoint.backplane();
        BackplaneInspection inspection = backplane instanceof BackplaneInspection i ? i : null;
        List<String> offered = servedEndpoints.findByPath(registration.path())
                .map(this::transportNames)
                .orElse(List.of());
        List<String> protocols = endpoint.protocols().all().stream().map(HubProtocol::name).toList();
        return BackplaneStates.of(backplane).map(state -> new HubDescriptor(registration.name(), registration.path(),
                offered, protocols, endpoint.methodNames(), endpoint.connectionHandler().connectionCount(),
                inspection == null ? null : inspection.localGroupCount(),
                inspection == null ? null : inspection.localUserCount(),
                state));
    }

    private List<String> transportNames(ServedEndpoint served) {
        return transports.handlersFor(served).stream().map(TransportHandler::name).toList();
    }
}
