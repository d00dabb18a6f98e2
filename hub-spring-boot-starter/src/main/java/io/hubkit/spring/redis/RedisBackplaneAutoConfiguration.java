package io.hubkit.spring.redis;

import io.hubkit.backplane.redis.RedisBackplaneFactory;
import io.hubkit.core.backplane.BackplaneFactory;
import io.hubkit.spring.autoconfigure.HubKitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@code hubkit.backplane.type: redis}: every hub's {@link io.hubkit.core.backplane.Backplane} is a
 * Redis backplane configured by {@code hubkit.backplane.redis.*} ({@link RedisBackplaneProperties}).
 * Active only when {@code io.hubkit:backplane-redis} is on the class path; an application's own
 * {@link BackplaneFactory} bean wins. The factory connects to Redis when the hubs are created and
 * fails the startup if Redis is unreachable then; it is closed with the context. Its health
 * indicator comes from {@link RedisBackplaneHealthAutoConfiguration}.
 */
@AutoConfiguration(before = HubKitAutoConfiguration.class)
@ConditionalOnClass(name = "io.hubkit.backplane.redis.RedisBackplaneFactory")
@ConditionalOnProperty(prefix = "hubkit.backplane", name = "type", havingValue = "redis")
@EnableConfigurationProperties(RedisBackplaneProperties.class)
public class RedisBackplaneAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(BackplaneFactory.class)
    public RedisBackplaneFactory redisBackplaneFactory(RedisBackplaneProperties properties) {
        return new RedisBackplaneFactory(properties.toOptions());
    }
}
