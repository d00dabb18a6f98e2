package io.hubkit.service.operations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The health routes Azure SignalR Service's SDKs probe: {@code HEAD} and {@code GET} on
 * {@code /api/health} and {@code /api/v1/health} (any query, e.g. {@code api-version}) answer 200
 * with no body while the service runs. Unauthenticated, like Azure's. (Actuator's
 * {@code /actuator/health} gives the detailed view.)
 */
@Configuration(proxyBeanMethods = false)
public class HealthRoutes {

    @Bean
    public RouterFunction<ServerResponse> serviceHealthRoutes() {
        return RouterFunctions.route(RequestPredicates.method(HttpMethod.GET).or(RequestPredicates.method(HttpMethod.HEAD))
                        .and(RequestPredicates.path("/api/health").or(RequestPredicates.path("/api/v1/health"))),
                request -> ServerResponse.ok().build());
    }
}
