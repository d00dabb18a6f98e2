package io.hubkit.spring.shutdown;

import io.hubkit.core.HubEndpoint;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The hubs' shutdown policy and state. {@link #shutDown} starts draining: from then on
 * {@link #isDraining()} is true (the {@link NegotiationGate} refuses negotiations) and each hub
 * {@linkplain HubEndpoint#shutdownGracefully shuts down gracefully} within the grace period.
 *
 * <p>The grace period derives from {@code spring.lifecycle.timeout-per-shutdown-phase} (default
 * 30 s): the phase timeout less a quarter of it, at most 5 s, kept for the closing writes (25 s by
 * default). With {@code server.shutdown=immediate} it is zero: clients still get a Close that allows
 * reconnecting, but running invocations are not waited for. Thread-safe.
 */
public final class GracefulShutdown {

    /** The phase timeout when {@code spring.lifecycle.timeout-per-shutdown-phase} is not set (Spring's default). */
    public static final Duration DEFAULT_PHASE_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration MAX_CLOSING_RESERVE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final Duration gracePeriod;
    private volatile boolean draining;

    /** A policy giving running invocations {@code gracePeriod} (zero: none). */
    public GracefulShutdown(Duration gracePeriod) {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("gracePeriod must not be negative, was " + gracePeriod);
        }
        this.gracePeriod = gracePeriod;
    }

    /** The policy the application's settings describe (see the class comment). */
    public static GracefulShutdown from(Environment environment) {
        Binder binder = Binder.get(environment);
        Duration phaseTimeout = binder.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
                .orElse(DEFAULT_PHASE_TIMEOUT);
        String mode = binder.bind("server.shutdown", String.class).orElse("graceful");
        if ("immediate".equals(mode.toLowerCase(Locale.ROOT))) {
            return new GracefulShutdown(Duration.ZERO);
        }
        return new GracefulShutdown(gracePeriodWithin(phaseTimeout));
    }

    /** The part of a shutdown phase of {@code phaseTimeout} that running invocations get. */
    static Duration gracePeriodWithin(Duration phaseTimeout) {
        if (phaseTimeout.isNegative() || phaseTimeout.isZero()) {
            return Duration.ZERO;
        }
        Duration reserve = phaseTimeout.dividedBy(4);
        if (reserve.compareTo(MAX_CLOSING_RESERVE) > 0) {
            reserve = MAX_CLOSING_RESERVE;
        }
        return phaseTimeout.minus(reserve);
    }

    /** How long running invocations may take to answer once the shutdown started. */
    public Duration gracePeriod() {
        return gracePeriod;
    }

    /** Whether the shutdown has started (negotiations are refused from then on). */
    public boolean isDraining() {
        return draining;
    }

    /**
     * Starts draining and shuts every hub down gracefully; completes when every hub's connections
     * have ended. Never fails.
     */
    public Mono<Void> shutDown(Collection<HubEndpoint> hubs) {
        return Mono.defer(() -> {
            draining = true;
            log.info("Shutting down {} hub(s): running invocations get up to {}", hubs.size(), gracePeriod);
            return Flux.fromIterable(hubs)
                    .flatMap(hub -> gracePeriod.isZero()
                            ? Mono.fromRunnable(hub::close)
                            : hub.shutdownGracefully(gracePeriod))
                    .onErrorResume(e -> {
                        log.warn("Shutting down a hub failed", e);
                        return Mono.empty();
                    })
                    .then();
        });
    }
}
