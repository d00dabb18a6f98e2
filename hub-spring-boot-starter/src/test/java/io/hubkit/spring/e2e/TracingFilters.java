package io.hubkit.spring.e2e;

import io.hubkit.core.dispatch.HubFilter;
import io.hubkit.core.dispatch.HubInvocationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import reactor.core.publisher.Mono;

/**
 * Two hub filters declared against their order (inner first), each appending its name to the
 * result of the hub method {@code filtered}: the result shows the chain runs in {@code @Order}.
 */
@Configuration(proxyBeanMethods = false)
public class TracingFilters {

    @Bean
    @Order(2)
    HubFilter innerFilter() {
        return new Tracing("inner");
    }

    @Bean
    @Order(1)
    HubFilter outerFilter() {
        return new Tracing("outer");
    }

    private record Tracing(String name) implements HubFilter {
        @Override
        public Mono<Object> invokeMethod(HubInvocationContext context, InvocationNext next) {
            if (!context.hubMethodName().equalsIgnoreCase("filtered")) {
                return next.invoke(context);
            }
            return next.invoke(context).map(result -> result + " > " + name);
        }
    }
}
