package io.hubkit.core.observe;

import io.hubkit.core.backplane.Backplane;
import java.util.List;

/**
 * Creates the {@link HubObserver} of each hub, once, when the hub's endpoint is built. One factory
 * serves an application (e.g. one per metrics registry). Thread-safe.
 */
@FunctionalInterface
public interface HubObserverFactory {

    /** Observes nothing. */
    HubObserverFactory NONE = (hubName, backplane) -> HubObserver.NONE;

    /**
     * The observer of the hub {@code hubName}, whose messages travel through {@code backplane}
     * (e.g. to read its {@link BackplaneInspection} if it has one).
     */
    HubObserver create(String hubName, Backplane backplane);

    /** A factory whose observers tell each of {@code factories}' observers, in order. */
    static HubObserverFactory composite(List<HubObserverFactory> factories) {
        List<HubObserverFactory> all = List.copyOf(factories);
        if (all.isEmpty()) {
            return NONE;
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        return (hubName, backplane) -> HubObservers.composite(
                all.stream().map(factory -> factory.create(hubName, backplane)).toList());
    }
}
