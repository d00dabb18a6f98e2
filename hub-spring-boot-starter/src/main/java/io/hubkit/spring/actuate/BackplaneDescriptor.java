package io.hubkit.spring.actuate;

import java.util.Map;

/**
 * A hub's backplane as the {@code hubs} endpoint shows it. Immutable.
 *
 * @param type    {@code local}, {@code redis}, {@code service}, … (see
 *                {@link io.hubkit.core.observe.BackplaneInspection#typeOf})
 * @param state   {@code UP}, {@code DOWN}, or {@code UNKNOWN} for a backplane that cannot report it
 * @param details what the backplane reports about itself (never secrets)
 */
public record BackplaneDescriptor(String type, String state, Map<String, Object> details) {

    public BackplaneDescriptor {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
