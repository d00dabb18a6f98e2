package io.hubkit.spring.actuate;

import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.observe.BackplaneInspection;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Reads the state of a hub's backplane for the endpoint and the health indicator. Stateless. */
final class BackplaneStates {

    static final String UP = "UP";
    static final String DOWN = "DOWN";
    static final String UNKNOWN = "UNKNOWN";

    private BackplaneStates() {
    }

    /**
     * The state of {@code backplane}: its own {@linkplain BackplaneInspection#status() report}, or
     * {@code UNKNOWN} for a backplane that does not implement {@link BackplaneInspection}. Never fails.
     */
    static Mono<BackplaneDescriptor> of(Backplane backplane) {
        String type = BackplaneInspection.typeOf(backplane);
        if (!(backplane instanceof BackplaneInspection inspection)) {
            return Mono.just(new BackplaneDescriptor(type, UNKNOWN, Map.of()));
        }
        return Mono.defer(inspection::status)
                .map(status -> new BackplaneDescriptor(type, status.up() ? UP : DOWN, status.details()))
                .onErrorResume(e -> Mono.just(new BackplaneDescriptor(type, DOWN,
                        Map.of("error", String.valueOf(e.getMessage())))));
    }
}
