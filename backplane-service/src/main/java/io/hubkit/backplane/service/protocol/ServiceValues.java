package io.hubkit.backplane.service.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies of the collection fields of messages ({@code null} stands for empty). */
final class ServiceValues {

    private ServiceValues() {
    }

    static List<String> strings(List<String> values) {
        return values == null || values.isEmpty() ? List.of() : List.copyOf(values);
    }

    static List<ServiceClaim> claims(List<ServiceClaim> claims) {
        return claims == null || claims.isEmpty() ? List.of() : List.copyOf(claims);
    }

    /** An unmodifiable copy that keeps the order of {@code headers}. */
    static Map<String, List<String>> headers(Map<String, List<String>> headers) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, strings(values)));
        return Collections.unmodifiableMap(copy);
    }
}
