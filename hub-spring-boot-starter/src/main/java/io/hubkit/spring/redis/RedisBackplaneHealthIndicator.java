package io.hubkit.spring.redis;

import io.hubkit.backplane.redis.RedisBackplaneFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * The Redis backplane's health: UP when every hub's backplane reaches Redis (a round trip on its
 * connections), DOWN while Redis is unreachable; the details name the mode, each hub's server name,
 * its endpoints (never a password) and its pending work. Non-blocking.
 */
public final class RedisBackplaneHealthIndicator implements ReactiveHealthIndicator {

    private final RedisBackplaneFactory factory;

    public RedisBackplaneHealthIndicator(RedisBackplaneFactory factory) {
        this.factory = factory;
    }

    @Override
    public Mono<Health> health() {
        return factory.health().map(health -> (health.up() ? Health.up() : Health.down())
                .withDetails(health.details())
                .build());
    }
}
