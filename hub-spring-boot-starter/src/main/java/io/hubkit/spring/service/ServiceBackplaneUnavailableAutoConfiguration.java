package io.hubkit.spring.service;

import io.hubkit.core.backplane.BackplaneFactory;
import io.hubkit.spring.autoconfigure.HubKitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@code hubkit.backplane.type: service} without {@code io.hubkit:backplane-service} on the class
 * path: the startup fails with a message that says so, instead of a missing-bean error (unless the
 * application declares its own {@link BackplaneFactory}).
 */
@AutoConfiguration(before = HubKitAutoConfiguration.class)
@ConditionalOnMissingClass("io.hubkit.backplane.service.ServiceBackplaneFactory")
@ConditionalOnProperty(prefix = "hubkit.backplane", name = "type", havingValue = "service")
public class ServiceBackplaneUnavailableAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(BackplaneFactory.class)
    public BackplaneFactory serviceBackplaneFactory() {
        throw new IllegalStateException("hubkit.backplane.type=service needs the io.hubkit:backplane-service artifact "
                + "on the class path (add it as a dependency)");
    }
}
