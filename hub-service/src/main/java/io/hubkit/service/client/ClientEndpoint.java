package io.hubkit.service.client;

import io.hubkit.service.config.ServiceMode;
import io.hubkit.service.config.ServiceProperties;
import io.hubkit.service.operations.ServiceMeters;
import io.hubkit.service.routing.ServiceRouter;
import io.hubkit.service.security.ClientPrincipal;
import io.hubkit.service.serverless.ServerlessClients;
import io.hubkit.spring.connection.ConnectionEndpoint;
import io.hubkit.spring.connection.ConnectionHandler;
import io.hubkit.spring.connection.RawConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import reactor.core.publisher.Mono;

/**
 * The client endpoint: the starter serves {@code POST /client/negotiate?hub=…} and the three
 * transports on {@code /client/?hub=…} (the trailing slash of Azure's URLs is ignored) and hands
 * each connection here; {@link ClientAuthenticationFilter} has verified its token before.
 * Default mode tunnels the connection to an app server ({@link TunnelledClient}); serverless mode
 * hands it, untouched, to serverless mode's {@link ServerlessClients}. Thread-safe.
 */
@ConnectionEndpoint(path = ClientEndpoint.PATH, name = "client")
public class ClientEndpoint implements ConnectionHandler {

    /** The endpoint's path. */
    public static final String PATH = "/client";

    private static final Logger log = LoggerFactory.getLogger(ClientEndpoint.class);

    private final ServiceRouter router;
    private final ServiceProperties properties;
    private final ServiceMeters meters;
    private final ObjectProvider<ServerlessClients> serverless;

    public ClientEndpoint(ServiceRouter router, ServiceProperties properties, ServiceMeters meters,
                          ObjectProvider<ServerlessClients> serverless) {
        this.router = router;
        this.properties = properties;
        this.meters = meters;
        this.serverless = serverless;
    }

    @Override
    public Mono<Void> onConnected(RawConnection connection) {
        if (!(connection.principal() instanceof ClientPrincipal principal)) {
            log.warn("Connection {} reached the client endpoint without a verified token; closed", connection.connectionId());
            return Mono.empty();
        }
        if (properties.getMode() == ServiceMode.SERVERLESS) {
            ServerlessClients clients = serverless.getIfAvailable();
            if (clients == null) {
                log.error("Serverless mode is configured but serverless client handling is not available");
                return Mono.empty();
            }
            return clients.handle(connection, principal.hub(), principal.userId(), principal.claims());
        }
        ClientSettings settings = new ClientSettings(properties.getMaxHandshakeSize(),
                properties.getMaxServerMessageSize(), properties.getClientHandshakeTimeout());
        return new TunnelledClient(connection, principal, router, meters, settings).run();
    }
}
