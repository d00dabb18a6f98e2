package io.hubkit.spring.limits;

import io.hubkit.core.HubEndpoint;
import io.hubkit.spring.autoconfigure.HubKitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The limit filters, from {@code hubkit.limits.*}: connections per server and per user (off by
 * default), invocations per second per connection (off by default; bursts of 200 when on) and
 * concurrent streams per connection (100) and groups per connection (100). A limit set to 0 registers no filter. They run right after authorization, so a
 * refused call costs no hub work. Each backs off when the application defines its own bean.
 */
@AutoConfiguration(before = HubKitAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(HubEndpoint.class)
@EnableConfigurationProperties(HubKitLimitsProperties.class)
public class HubKitLimitsAutoConfiguration {

    /** Limits run after authorization ({@code HIGHEST_PRECEDENCE + 100}) and before everything else. */
    public static final int LIMIT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 200;

    @Bean
    @ConditionalOnMissingBean
    @Order(LIMIT_FILTER_ORDER)
    @ConditionalOnExpression("${hubkit.limits.max-connections:0} > 0 or ${hubkit.limits.max-connections-per-user:0} > 0")
    public ConnectionLimitFilter hubKitConnectionLimitFilter(HubKitLimitsProperties limits) {
        return new ConnectionLimitFilter(limits.getMaxConnections(), limits.getMaxConnectionsPerUser());
    }

    @Bean
    @ConditionalOnMissingBean
    @Order(LIMIT_FILTER_ORDER + 1)
    @ConditionalOnExpression("${hubkit.limits.invocations-per-second:0} > 0")
    public InvocationRateLimitFilter hubKitInvocationRateLimitFilter(HubKitLimitsProperties limits) {
        return new InvocationRateLimitFilter(limits.getInvocationsPerSecond(), limits.getInvocationBurst(), System::nanoTime);
    }

    @Bean
    @ConditionalOnMissingBean
    @Order(LIMIT_FILTER_ORDER + 2)
    @ConditionalOnExpression("${hubkit.limits.max-streams-per-connection:100} > 0")
    public StreamLimitFilter hubKitStreamLimitFilter(HubKitLimitsProperties limits) {
        return new StreamLimitFilter(limits.getMaxStreamsPerConnection());
    }

    @Bean
    @ConditionalOnMissingBean
    @Order(LIMIT_FILTER_ORDER + 3)
    @ConditionalOnExpression("${hubkit.limits.max-groups-per-connection:100} > 0")
    public GroupLimitFilter hubKitGroupLimitFilter(HubKitLimitsProperties limits) {
        return new GroupLimitFilter(limits.getMaxGroupsPerConnection());
    }
}
