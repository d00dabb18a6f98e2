package io.hubkit.service.scaleout;

import io.hubkit.backplane.redis.RedisBackplaneFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Switches scale-out on when {@code hubkit.service.scale-out.redis.uri} is set: a
 * {@link RedisServiceBus} becomes the routing core's {@link io.hubkit.service.routing.ServiceBus}
 * (primary over the in-process default). Redis must be reachable at startup; later outages are
 * survived (operations meanwhile are lost, see {@link RedisServiceBus}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hubkit.service.scale-out.redis", name = "uri")
@EnableConfigurationProperties(ScaleOutProperties.class)
public class ScaleOutConfiguration {

    @Bean(destroyMethod = "close")
    public RedisBackplaneFactory scaleOutRedisFactory(ScaleOutProperties properties) {
        return new RedisBackplaneFactory(properties.redisOptions());
    }

    @Bean
    @Primary
    public RedisServiceBus redisServiceBus(RedisBackplaneFactory scaleOutRedisFactory, ScaleOutProperties properties) {
        return new RedisServiceBus(scaleOutRedisFactory, properties.questionTimeout());
    }
}
