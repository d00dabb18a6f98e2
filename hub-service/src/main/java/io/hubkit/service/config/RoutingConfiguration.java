package io.hubkit.service.config;

import io.hubkit.service.routing.InProcessServiceBus;
import io.hubkit.service.routing.LocalRouting;
import io.hubkit.service.routing.RoutingLimits;
import io.hubkit.service.routing.ServiceBus;
import io.hubkit.service.routing.ServiceRouter;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Wires the service's settings, access keys and routing core. The {@link ServiceBus} is the
 * in-process one unless another bean provides one (the scale-out package does, over Redis).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceProperties.class)
public class RoutingConfiguration {

    /** How often expired client invocations and user memberships are swept. */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(3);

    @Bean
    public AccessKeys accessKeys(ServiceProperties properties) {
        return AccessKeys.from(properties.getAccessKeys());
    }

    @Bean
    public ConnectionStringBanner connectionStringBanner(ServiceProperties properties, AccessKeys keys) {
        return new ConnectionStringBanner(properties, keys);
    }

    @Bean
    @ConditionalOnMissingBean
    public RoutingLimits routingLimits() {
        return RoutingLimits.DEFAULTS;
    }

    @Bean
    @ConditionalOnMissingBean
    public LocalRouting localRouting(RoutingLimits limits) {
        return new LocalRouting(limits, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean(ServiceBus.class)
    public InProcessServiceBus inProcessServiceBus() {
        return InProcessServiceBus.standalone();
    }

    @Bean
    public ServiceRouter serviceRouter(LocalRouting local, ObjectProvider<ServiceBus> bus) {
        ServiceRouter router = new ServiceRouter(local, bus.getObject());
        router.start().block(Duration.ofSeconds(30));
        return router;
    }

    @Bean
    public RouterSweeper routerSweeper(ServiceRouter router) {
        return new RouterSweeper(router);
    }

    /** Sweeps the router periodically while the application runs; stops the bus on shutdown. */
    public static final class RouterSweeper implements DisposableBean {
        private final ServiceRouter router;
        private final Disposable ticks;

        RouterSweeper(ServiceRouter router) {
            this.router = router;
            this.ticks = Flux.interval(SWEEP_INTERVAL, SWEEP_INTERVAL).onBackpressureDrop()
                    .subscribe(tick -> sweep());
        }

        private void sweep() {
            try {
                router.sweep();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(RouterSweeper.class).warn("Routing sweep failed", e);
            }
        }

        @Override
        public void destroy() {
            ticks.dispose();
            router.stop().block(Duration.ofSeconds(10));
        }
    }
}
