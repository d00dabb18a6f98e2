package io.hubkit.spring.endpoint;

import io.hubkit.spring.TransportType;
import java.util.EnumSet;
import java.util.Set;

/** Turns annotation arrays of transports into sets. Stateless. */
final class EnumSets {

    private EnumSets() {
    }

    /** The transports of {@code declared} as an immutable set; empty when none are declared. */
    static Set<TransportType> of(TransportType[] declared) {
        if (declared.length == 0) {
            return Set.of();
        }
        EnumSet<TransportType> set = EnumSet.noneOf(TransportType.class);
        for (TransportType type : declared) {
            set.add(type);
        }
        return Set.copyOf(set);
    }
}
