package io.hubkit.backplane.redis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a health check of the Redis backplane: up or down, and details that are safe to
 * show (mode, endpoints without passwords, server names, pending work, the error when down). What
 * the Spring Boot starter turns into a health indicator. Immutable.
 */
public record RedisBackplaneHealth(boolean up, Map<String, Object> details) {

    public RedisBackplaneHealth {
        Objects.requireNonNull(details, "details");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static RedisBackplaneHealth up(Map<String, Object> details) {
        return new RedisBackplaneHealth(true, details);
    }

    public static RedisBackplaneHealth down(Map<String, Object> details) {
        return new RedisBackplaneHealth(false, details);
    }
}
