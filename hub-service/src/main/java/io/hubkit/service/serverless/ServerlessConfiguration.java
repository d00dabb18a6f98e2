package io.hubkit.service.serverless;

import io.hubkit.service.config.AccessKeys;
import io.hubkit.service.routing.ServiceRouter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires serverless mode when {@code hubkit.service.mode=serverless}: the upstream client (signed
 * with every configured access key), the upstream templates and the {@link ServerlessClients} the
 * client endpoint hands its connections to.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hubkit.service.mode", havingValue = "serverless")
@EnableConfigurationProperties({UpstreamProperties.class, ServerlessProperties.class})
public class ServerlessConfiguration {

    @Bean(destroyMethod = "close")
    public UpstreamClient upstreamClient(UpstreamProperties properties, AccessKeys keys) {
        return new UpstreamClient(properties, keys.keys());
    }

    @Bean
    public ServerlessUpstream serverlessUpstream(UpstreamProperties properties, UpstreamClient client) {
        return new ServerlessUpstream(properties.upstreamTemplates(), client);
    }

    @Bean(destroyMethod = "close")
    public ServerlessClients serverlessClients(ServiceRouter router, ServerlessUpstream upstream,
                                               ServerlessProperties properties) {
        return new ServerlessClients(router, upstream, properties);
    }
}
