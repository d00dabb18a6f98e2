package io.hubkit.service.rest;

import io.hubkit.backplane.service.auth.AccessTokenIssuer;
import io.hubkit.backplane.service.auth.AccessTokenValidator;
import io.hubkit.service.config.AccessKeys;
import io.hubkit.service.config.ServiceProperties;
import io.hubkit.service.routing.ServiceRouter;
import java.net.URI;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the REST data-plane API ({@code /api/v1/hubs/…} and {@code /api/hubs/…?api-version=2022-06-01})
 * in both service modes, on the routing core, authenticated with the service's access keys.
 */
@Configuration(proxyBeanMethods = false)
public class RestApiConfiguration {

    @Bean
    public RouterFunction<ServerResponse> restApiRoutes(ServiceRouter router, AccessKeys keys,
                                                        ServiceProperties properties) {
        RestAuthenticator authenticator = new RestAuthenticator(new AccessTokenValidator(keys.keys()),
                publicEndpoints(properties.getPublicEndpoint()));
        RestOperations operations = new RestOperations(router, SendBody.withDefaultProtocols());
        TokenGeneration tokens = new TokenGeneration(new AccessTokenIssuer(keys.primary()));
        return new RestRoutes(operations, authenticator, tokens).routes();
    }

    private static List<URI> publicEndpoints(String publicEndpoint) {
        if (publicEndpoint == null || publicEndpoint.isBlank()) {
            return List.of();
        }
        URI uri = URI.create(publicEndpoint.trim());
        return uri.getScheme() != null && uri.getHost() != null ? List.of(uri) : List.of();
    }
}
