package io.hubkit.spring.actuate;

import io.hubkit.spring.endpoint.HubEndpointRegistry;
import io.hubkit.spring.endpoint.HubRegistration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code backplane} health: UP when the backplane of every hub reports itself up (the local
 * backplane always does), DOWN as soon as one reports down; a backplane that cannot report
 * ({@code UNKNOWN}) does not change the status. The details give each hub's backplane type, state
 * and report. Non-blocking; each check is bounded by the backplane's own timeout.
 */
public class BackplaneHealthIndicator implements ReactiveHealthIndicator {

    private final HubEndpointRegistry hubs;

    public BackplaneHealthIndicator(HubEndpointRegistry hubs) {
        this.hubs = hubs;
    }

    @Override
    public Mono<Health> health() {
        return Flux.fromIterable(hubs.registrations())
                .concatMap(registration -> BackplaneStates.of(registration.endpoint().backplane())
                        .map(state -> Map.entry(registration, state)))
                .collectList()
                .map(states -> {
                    boolean down = false;
                    Map<String, Object> details = new LinkedHashMap<>();
                    for (Map.Entry<HubRegistration, BackplaneDescriptor> entry : states) {
                        BackplaneDescriptor state = entry.getValue();
                        down |= BackplaneStates.DOWN.equals(state.state());
                        Map<String, Object> hub = new LinkedHashMap<>();
                        hub.put("type", state.type());
                        hub.put("state", state.state());
                        if (!state.details().isEmpty()) {
                            hub.put("details", state.details());
                        }
                        details.put(entry.getKey().name(), hub);
                    }
                    return (down ? Health.down() : Health.up()).withDetail("hubs", details).build();
                });
    }
}
