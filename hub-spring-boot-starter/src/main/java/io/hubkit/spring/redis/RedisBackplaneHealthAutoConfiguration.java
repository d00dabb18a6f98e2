package io.hubkit.spring.redis;

import io.hubkit.backplane.redis.RedisBackplaneFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code redisBackplane} health indicator ({@link RedisBackplaneHealthIndicator}), when the
 * application has Spring Boot's health support (Actuator) and a {@link RedisBackplaneFactory} bean.
 */
@AutoConfiguration(after = RedisBackplaneAutoConfiguration.class)
@ConditionalOnClass(name = {"io.hubkit.backplane.redis.RedisBackplaneFactory",
        "org.springframework.boot.health.contributor.ReactiveHealthIndicator"})
@ConditionalOnBean(RedisBackplaneFactory.class)
public class RedisBackplaneHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "redisBackplaneHealthIndicator")
    public RedisBackplaneHealthIndicator redisBackplaneHealthIndicator(RedisBackplaneFactory factory) {
        return new RedisBackplaneHealthIndicator(factory);
    }
}
