package io.hubkit.spring.service;

import io.hubkit.backplane.service.ServiceBackplane;
import io.hubkit.spring.endpoint.HubEndpointRegistry;
import io.hubkit.spring.endpoint.HubRegistration;
import java.time.Duration;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;

/**
 * Connects each hub whose backplane is a {@link ServiceBackplane} to its hub service when the
 * application starts (the hub's connection handler is handed over and the server connections
 * open), and, when it stops, tells the service first — before the hubs drain — to route no new
 * clients here ({@code fin}, waiting for {@code finack} within the shutdown timeout). The clients
 * already here are then closed by the hubs' own shutdown and reconnect through the service to
 * another app server. It runs in the hubs' lifecycle phase and is declared to depend on the
 * {@link io.hubkit.spring.endpoint.HubEndpointsLifecycle}, so Spring stops it (synchronously) before
 * the hubs and starts it after them. Thread-safe.
 */
public final class ServiceBackplaneConnector implements SmartLifecycle {

    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(30);

    private final HubEndpointRegistry registry;
    private volatile boolean running;

    public ServiceBackplaneConnector(HubEndpointRegistry registry) {
        this.registry = registry;
    }

    /** The service backplanes of the application's hubs. */
    public List<ServiceBackplane> backplanes() {
        return registry.registrations().stream()
                .filter(r -> r.endpoint().backplane() instanceof ServiceBackplane)
                .map(r -> (ServiceBackplane) r.endpoint().backplane())
                .toList();
    }

    @Override
    public void start() {
        for (HubRegistration registration : registry.registrations()) {
            if (registration.endpoint().backplane() instanceof ServiceBackplane backplane) {
                backplane.attach(registration.endpoint().connectionHandler(), registration.path());
            }
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        try {
            Flux.fromIterable(backplanes()).flatMap(ServiceBackplane::shutdown).then().block(SHUTDOWN_LIMIT);
        } catch (RuntimeException e) {
            // bounded by the shutdown timeout of each backplane; a failure only means no finack
        }
    }

    /** Synchronous on purpose: the hubs must not start draining before the service stopped routing clients here. */
    @Override
    public void stop(Runnable callback) {
        try {
            stop();
        } finally {
            callback.run();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The hubs' phase ({@link io.hubkit.spring.endpoint.HubEndpointsLifecycle}). */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}
