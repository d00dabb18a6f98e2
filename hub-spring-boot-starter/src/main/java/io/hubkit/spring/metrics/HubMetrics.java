package io.hubkit.spring.metrics;

import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.observe.HubObserver;
import io.hubkit.core.observe.HubObserverFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Records every hub's runtime in a Micrometer {@link MeterRegistry}: one {@link HubMeters} per hub
 * (see {@link HubMeterNames} for what is recorded). Registered as a {@link HubObserverFactory} bean,
 * which the starter hands to each hub it builds. Thread-safe.
 */
public final class HubMetrics implements HubObserverFactory {

    private final MeterRegistry registry;

    public HubMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public HubObserver create(String hubName, Backplane backplane) {
        return new HubMeters(registry, hubName, backplane);
    }
}
