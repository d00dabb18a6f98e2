package io.hubkit.spring.metrics;

import io.hubkit.spring.autoconfigure.HubKitAutoConfiguration;
import io.hubkit.spring.endpoint.HubEndpointRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Hub metrics when Micrometer is on the class path: {@link HubMetrics} (a {@code HubObserverFactory}
 * recording into the application's {@link MeterRegistry}) and, with an {@link ObservationRegistry},
 * the {@link InvocationObservationFilter} around every hub method invocation (first in the filter
 * chain). Both back off when the application declares its own bean of the type.
 */
@AutoConfiguration(after = HubKitAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean(HubEndpointRegistry.class)
public class HubKitMetricsAutoConfiguration {

    /** Where the invocation observation sits in the hub filter chain: before every other filter. */
    public static final int INVOCATION_OBSERVATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnMissingBean
    public HubMetrics hubMetrics(MeterRegistry registry) {
        return new HubMetrics(registry);
    }

    /** The invocation observation, when Micrometer's Observation API is configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
    static class InvocationObservationConfiguration {

        @Bean
        @ConditionalOnBean(ObservationRegistry.class)
        @ConditionalOnMissingBean
        @Order(INVOCATION_OBSERVATION_ORDER)
        InvocationObservationFilter hubInvocationObservationFilter(ObservationRegistry registry,
                ObjectProvider<HubInvocationObservationConvention> convention,
                ObjectProvider<HubEndpointRegistry> hubs, BeanFactory beanFactory) {
            return new InvocationObservationFilter(registry, convention.getIfAvailable(), hubs, beanFactory);
        }
    }
}
