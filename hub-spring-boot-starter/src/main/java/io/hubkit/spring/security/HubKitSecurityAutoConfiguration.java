package io.hubkit.spring.security;

import io.hubkit.spring.autoconfigure.HubKitAutoConfiguration;
import java.time.Clock;
import java.util.List;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.authorization.method.SecuredAuthorizationManager;
import reactor.core.scheduler.Schedulers;

/**
 * Spring Security for hubs, when {@code spring-security-core} is on the class path: the
 * {@link HubAuthorizationFilter} (first in the hub filter chain) checking {@code @PreAuthorize}
 * (with the application's {@link MethodSecurityExpressionHandler} bean if it has one, so bean
 * references and custom roots work) and {@code @Secured}; and, with
 * {@code hubkit.close-on-authentication-expiration=true} and {@code spring-security-oauth2-core},
 * the {@link AuthenticationExpirationFilter}. Each bean backs off when the application defines its own.
 */
@AutoConfiguration(before = HubKitAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({AuthorizationManager.class, PreAuthorizeAuthorizationManager.class, MethodInvocation.class})
@EnableConfigurationProperties(HubKitSecurityProperties.class)
public class HubKitSecurityAutoConfiguration {

    /** Authorization runs before every other hub filter (metrics, application filters). */
    public static final int AUTHORIZATION_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    @Bean
    @ConditionalOnMissingBean
    @Order(AUTHORIZATION_FILTER_ORDER)
    public HubAuthorizationFilter hubKitAuthorizationFilter(ApplicationContext context,
                                                            ObjectProvider<MethodSecurityExpressionHandler> handlers) {
        PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();
        MethodSecurityExpressionHandler handler = handlers.getIfUnique();
        if (handler != null) {
            preAuthorize.setExpressionHandler(handler);
        } else {
            preAuthorize.setApplicationContext(context);
        }
        List<AuthorizationManager<MethodInvocation>> managers = List.of(preAuthorize, new SecuredAuthorizationManager());
        return new HubAuthorizationFilter(managers);
    }

    /** Closes connections whose OAuth2 token expires. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.oauth2.core.OAuth2Token")
    @ConditionalOnProperty(prefix = "hubkit", name = "close-on-authentication-expiration", havingValue = "true")
    static class ExpirationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @Order(AUTHORIZATION_FILTER_ORDER + 1)
        public AuthenticationExpirationFilter hubKitAuthenticationExpirationFilter() {
            return new AuthenticationExpirationFilter(Schedulers.parallel(), Clock.systemUTC());
        }
    }
}
