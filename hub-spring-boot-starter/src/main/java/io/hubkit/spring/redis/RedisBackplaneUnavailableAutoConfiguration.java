package io.hubkit.spring.redis;

import io.hubkit.core.backplane.BackplaneFactory;
import io.hubkit.spring.autoconfigure.HubKitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@code hubkit.backplane.type: redis} without {@code io.hubkit:backplane-redis} on the class path:
 * the startup fails with a message that says so, instead of a missing-bean error (unless the
 * application declares its own {@link BackplaneFactory}).
 */
@AutoConfiguration(before = HubKitAutoConfiguration.class)
@ConditionalOnMissingClass("io.hubkit.backplane.redis.RedisBackplaneFactory")
@ConditionalOnProperty(prefix = "hubkit.backplane", name = "type", havingValue = "redis")
public class RedisBackplaneUnavailableAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(BackplaneFactory.class)
    public BackplaneFactory redisBackplaneFactory() {
        throw new IllegalStateException("hubkit.backplane.type=redis needs the io.hubkit:backplane-redis artifact on "
                + "the class path (add it as a dependency)");
    }
}
