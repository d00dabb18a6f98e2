package io.hubkit.spring.actuate;

import io.hubkit.spring.autoconfigure.HubKitAutoConfiguration;
import io.hubkit.spring.endpoint.HubEndpointRegistry;
import io.hubkit.spring.web.HubTransports;
import io.hubkit.spring.web.ServedEndpoints;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator support for hubs, only when Actuator is on the class path: the {@code hubs} endpoint
 * (when exposed, e.g. {@code management.endpoints.web.exposure.include=hubs}) and the
 * {@code backplane} health indicator ({@code management.health.backplane.enabled}, on by default).
 */
@AutoConfiguration(after = HubKitAutoConfiguration.class)
@ConditionalOnBean(HubEndpointRegistry.class)
public class HubKitActuatorAutoConfiguration {

    /** The {@code hubs} endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.boot.actuate.endpoint.annotation.Endpoint",
            "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"})
    static class HubsEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint(HubsEndpoint.class)
        HubsEndpoint hubsEndpoint(HubEndpointRegistry hubs, ServedEndpoints endpoints, HubTransports transports) {
            return new HubsEndpoint(hubs, endpoints, transports);
        }
    }

    /** The {@code backplane} health indicator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.boot.health.contributor.ReactiveHealthIndicator",
            "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator"})
    static class BackplaneHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "backplaneHealthIndicator")
        @ConditionalOnEnabledHealthIndicator("backplane")
        BackplaneHealthIndicator backplaneHealthIndicator(HubEndpointRegistry hubs) {
            return new BackplaneHealthIndicator(hubs);
        }
    }
}
