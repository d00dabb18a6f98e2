package io.hubkit.backplane.service;

import io.hubkit.backplane.service.auth.AccessTokenIssuer;
import io.hubkit.backplane.service.auth.ServiceConnectionString;
import io.hubkit.backplane.service.auth.ServiceEndpoint;
import io.hubkit.backplane.service.negotiate.ServiceNegotiation;
import io.hubkit.core.backplane.BackplaneFactory;
import io.hubkit.core.backplane.BackplaneHubContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * Creates the {@link ServiceBackplane} of each hub, all talking to the one hub service of the
 * connection string in {@link ServiceBackplaneOptions}, as one app server (one server id). Holds
 * what they share: the parsed connection string, the token issuer (key = the access key) and the
 * WebSocket client, on event loops of its own (so that an application's shutdown of Reactor
 * Netty's global resources does not cut the server connections before they leave gracefully). Also gives the {@link #negotiation()} an app server needs to redirect its
 * clients to the service.
 *
 * <p>Usage without Spring:
 * <pre>{@code
 * ServiceBackplaneFactory factory = new ServiceBackplaneFactory(ServiceBackplaneOptions.builder()
 *         .connectionString("Endpoint=http://localhost;Port=8888;AccessKey=…;Version=1.0;").build());
 * HubEndpoint hub = HubEndpoint.builder(new ChatHub()).backplaneFactory(factory).build();
 * ((ServiceBackplane) hub.backplane()).attach(hub.connectionHandler(), "/hubs/chat");
 * }</pre>
 *
 * Thread-safe; {@link #close()} closes every backplane it created.
 */
public final class ServiceBackplaneFactory implements BackplaneFactory, AutoCloseable {

    private final ServiceBackplaneOptions options;
    private final ServiceConnectionString connectionString;
    private final EndpointAccess access;
    private final ServiceNegotiation negotiation;
    private final LoopResources loops;
    private final HttpClient httpClient;
    private final List<ServiceBackplane> backplanes = new CopyOnWriteArrayList<>();

    /**
     * @throws io.hubkit.backplane.service.auth.ConnectionStringException when the connection string is invalid
     * @throws IllegalArgumentException when it has no access key (Entra ID authentication is not supported)
     */
    public ServiceBackplaneFactory(ServiceBackplaneOptions options) {
        this.options = options;
        this.connectionString = ServiceConnectionString.parse(options.connectionString());
        if (connectionString.accessKey() == null || connectionString.accessKey().isEmpty()) {
            throw new IllegalArgumentException("The service connection string has no AccessKey; only access-key "
                    + "authentication is supported");
        }
        AccessTokenIssuer issuer = new AccessTokenIssuer(connectionString.accessKey());
        this.access = new EndpointAccess(connectionString, options.applicationName(), issuer, options.serverId());
        this.negotiation = new ServiceNegotiation(connectionString, options.applicationName(), issuer);
        this.loops = LoopResources.create("hubkit-service", 1, Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
                true);
        this.httpClient = HttpClient.newConnection().runOn(loops);
    }

    public ServiceBackplaneOptions options() {
        return options;
    }

    /** This app server's id towards the service. */
    public String serverId() {
        return options.serverId();
    }

    /** Builds negotiate redirects to the service. */
    public ServiceNegotiation negotiation() {
        return negotiation;
    }

    @Override
    public ServiceBackplane create(BackplaneHubContext hub) {
        ServiceEndpoint endpoint = access.endpoint(hub.hubName());
        ServiceBackplane[] created = new ServiceBackplane[1];
        created[0] = new ServiceBackplane(hub, endpoint.hubKey(), options, access, httpClient,
                () -> backplanes.remove(created[0]));
        backplanes.add(created[0]);
        return created[0];
    }

    /** The backplanes created and not yet closed. */
    public List<ServiceBackplane> backplanes() {
        return List.copyOf(backplanes);
    }

    /** Closes every backplane (their server connections end, their clients are dropped), then the event loops. */
    @Override
    public void close() {
        for (ServiceBackplane backplane : List.copyOf(backplanes)) {
            backplane.close();
        }
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).subscribe(null, e -> { });
    }
}
