package io.hubkit.spring.web;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Reads query parameters by name ignoring case, as the official server does ({@code id},
 * {@code negotiateVersion}, …). Stateless.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The first value of the query parameter {@code name} (any case), or {@code null}. */
    public static String first(ServerHttpRequest request, String name) {
        List<String> exact = request.getQueryParams().get(name);
        if (exact != null && !exact.isEmpty()) {
            return exact.get(0);
        }
        for (Map.Entry<String, List<String>> entry : request.getQueryParams().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    /**
     * Every value of the query parameter {@code name} (any case), joined with {@code ","} in the
     * order they came, or {@code null} when there is none: what the official server reads for a
     * repeated parameter, so {@code ?negotiateVersion=1&negotiateVersion=1} is the value {@code "1,1"}.
     */
    public static String joined(ServerHttpRequest request, String name) {
        StringJoiner values = null;
        for (Map.Entry<String, List<String>> entry : request.getQueryParams().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                for (String value : entry.getValue()) {
                    values = values == null ? new StringJoiner(",") : values;
                    values.add(value == null ? "" : value);
                }
            }
        }
        return values == null ? null : values.toString();
    }
}
