package io.hubkit.core.observe;

import io.hubkit.core.backplane.Backplane;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * What a {@link Backplane} may implement to describe itself to operators: its kind, its health,
 * and the size of its local routing tables. The starter's Actuator endpoint, health indicator and
 * metrics read it; a backplane without it is shown by its class name, with an unknown state.
 * Implementations are thread-safe and never block.
 */
public interface BackplaneInspection {

    /** The kind of backplane as configured, in lower case: {@code local}, {@code redis}, {@code service}. */
    String type();

    /**
     * Checks the backplane's health (e.g. a round trip to its bus, bounded by its own timeout). Never
     * fails: a failed check is a {@linkplain BackplaneStatus#down down} status with the error in its details.
     */
    Mono<BackplaneStatus> status();

    /** The number of groups with at least one member among this server's connections. */
    int localGroupCount();

    /** The number of distinct user ids among this server's connections. */
    int localUserCount();

    /**
     * The kind of {@code backplane}: its {@link #type()} when it implements this interface, else its
     * class's simple name in lower case without a {@code Backplane} suffix ({@code FooBackplane} → {@code foo}).
     */
    static String typeOf(Backplane backplane) {
        if (backplane instanceof BackplaneInspection inspection) {
            return inspection.type();
        }
        String name = backplane.getClass().getSimpleName();
        if (name.endsWith("Backplane") && name.length() > "Backplane".length()) {
            name = name.substring(0, name.length() - "Backplane".length());
        }
        return name.isEmpty() ? "unknown" : name.toLowerCase(Locale.ROOT);
    }
}
