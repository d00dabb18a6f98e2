package io.hubkit.spring.endpoint;

import io.hubkit.core.HubEndpoint;
import io.hubkit.spring.shutdown.GracefulShutdown;
import java.util.List;
import org.springframework.context.SmartLifecycle;

/**
 * Shuts every hub endpoint down when the application context stops, in the first shutdown phase,
 * before the web server's own graceful shutdown ({@code DEFAULT_PHASE - 1024}) and its stop: with a
 * {@link GracefulShutdown}, negotiations are refused, running invocations answer within its grace
 * period and every client then gets a Close that allows reconnecting; without one, the hubs are
 * closed at once (clients still get that Close). The stop is asynchronous: the context's lifecycle
 * processor waits for it up to {@code spring.lifecycle.timeout-per-shutdown-phase}. Closing is
 * final: a stopped registry does not start again, so the lifecycle is not pauseable (a paused
 * context, such as an inactive cached test context, keeps its hubs). Thread-safe.
 */
public final class HubEndpointsLifecycle implements SmartLifecycle {

    private final HubEndpointRegistry registry;
    private final GracefulShutdown shutdown;
    private volatile boolean running;

    /** Closes the hubs at once on stop. */
    public HubEndpointsLifecycle(HubEndpointRegistry registry) {
        this(registry, null);
    }

    /** Shuts the hubs down as {@code shutdown} says on stop ({@code null}: at once). */
    public HubEndpointsLifecycle(HubEndpointRegistry registry, GracefulShutdown shutdown) {
        this.registry = registry;
        this.shutdown = shutdown;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Closes the hubs at once (the synchronous stop, used when no callback is involved). */
    @Override
    public void stop() {
        running = false;
        registry.close();
    }

    /** Shuts the hubs down gracefully, then closes the registry and runs {@code callback}. */
    @Override
    public void stop(Runnable callback) {
        running = false;
        if (shutdown == null) {
            try {
                registry.close();
            } finally {
                callback.run();
            }
            return;
        }
        List<HubEndpoint> hubs = registry.registrations().stream().map(HubRegistration::endpoint).toList();
        shutdown.shutDown(hubs)
                .doFinally(signal -> {
                    try {
                        registry.close();
                    } finally {
                        callback.run();
                    }
                })
                .subscribe();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Hubs cannot be restarted once closed, so pausing the context must not close them. */
    @Override
    public boolean isPauseable() {
        return false;
    }

    /** Stops before the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) and its stop. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}
