package io.hubkit.backplane.redis;

import io.hubkit.backplane.redis.testing.RedisServer;
import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.backplane.BackplaneHubContext;
import io.hubkit.core.backplane.BackplaneSpecification;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The backplane specification against one real Redis: single-server cases, and two servers (two
 * backplanes with their own connections and server names) sharing that Redis. Each test gets its
 * own channel prefix, so tests never hear each other.
 */
class RedisBackplaneSpecificationTest extends BackplaneSpecification {

    private static RedisServer redis;
    private static ClientResources resources;

    private final RedisBackplaneFactory factory = new RedisBackplaneFactory(RedisBackplaneOptions.builder()
            .uri(redis.uri())
            .channelPrefix("spec-" + UUID.randomUUID() + "/")
            .build(), resources);

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
        resources = DefaultClientResources.create();
    }

    @AfterAll
    static void stopRedis() {
        if (resources != null) {
            resources.shutdown();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected Backplane createBackplane(BackplaneHubContext hub) {
        return factory.create(hub);
    }

    @Override
    protected Backplane createSecondServerBackplane(BackplaneHubContext hub) {
        return factory.create(hub);
    }
}
