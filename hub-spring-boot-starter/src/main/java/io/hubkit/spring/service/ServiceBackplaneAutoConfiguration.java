package io.hubkit.spring.service;

import io.hubkit.backplane.service.ServiceBackplaneFactory;
import io.hubkit.backplane.service.ServiceBackplaneOptions;
import io.hubkit.core.backplane.BackplaneFactory;
import io.hubkit.core.connection.UserIdProvider;
import io.hubkit.spring.autoconfigure.HubKitAutoConfiguration;
import io.hubkit.spring.endpoint.HubEndpointRegistry;
import io.hubkit.spring.endpoint.HubEndpointsLifecycle;
import io.hubkit.spring.web.NegotiateRedirects;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * {@code hubkit.backplane.type: service}: every hub's clients are held by a hub service (HubKit's
 * hub-service, or Azure SignalR Service in default mode) configured by
 * {@code hubkit.backplane.service.*} ({@link ServiceBackplaneProperties}) — a connection string is
 * all it needs. Negotiate answers each client with a redirect to the service and a short-lived
 * token ({@link ServiceNegotiateRedirects}); the hubs open their server connections once the
 * application has started ({@link ServiceBackplaneConnector}) and say goodbye to the service when it
 * stops. Active only when {@code io.hubkit:backplane-service} is on the class path; an application's
 * own {@link BackplaneFactory} bean wins. The backplane's state shows in the {@code backplane} health
 * and the {@code hubs} Actuator endpoint (type {@code service}). With Spring Security, a client that
 * arrives through the service is an authenticated {@code Authentication} whose authorities are its
 * token's {@code role} claims (the authorities it negotiated with), so {@code @PreAuthorize} on hub
 * methods works as for direct clients.
 */
@AutoConfiguration(before = HubKitAutoConfiguration.class)
@ConditionalOnClass(name = "io.hubkit.backplane.service.ServiceBackplaneFactory")
@ConditionalOnProperty(prefix = "hubkit.backplane", name = "type", havingValue = "service")
@EnableConfigurationProperties(ServiceBackplaneProperties.class)
public class ServiceBackplaneAutoConfiguration {

    private static final boolean SPRING_SECURITY = ClassUtils.isPresent(
            "org.springframework.security.core.Authentication", ServiceBackplaneAutoConfiguration.class.getClassLoader());

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(BackplaneFactory.class)
    public ServiceBackplaneFactory serviceBackplaneFactory(ServiceBackplaneProperties properties) {
        ServiceBackplaneOptions.Builder options = properties.toOptionsBuilder();
        if (SPRING_SECURITY) {
            options.principalMapper(SecurityPrincipals::authenticated);
        }
        return new ServiceBackplaneFactory(options.build());
    }

    @Bean
    @ConditionalOnMissingBean(NegotiateRedirects.class)
    public ServiceNegotiateRedirects serviceNegotiateRedirects(ServiceBackplaneFactory factory,
                                                               UserIdProvider userIdProvider) {
        return new ServiceNegotiateRedirects(factory.negotiation(), userIdProvider);
    }

    @Bean
    @ConditionalOnMissingBean
    public ServiceBackplaneConnector serviceBackplaneConnector(HubEndpointRegistry registry,
                                                               HubEndpointsLifecycle hubsLifecycle) {
        // depends on the hubs' lifecycle on purpose: Spring then stops this connector before the hubs
        return new ServiceBackplaneConnector(registry);
    }
}
