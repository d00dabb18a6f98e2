package io.hubkit.service.config;

import io.hubkit.service.client.ClientAuthenticationFilter;
import io.hubkit.service.operations.ServiceMeters;
import io.hubkit.service.routing.LocalRouting;
import io.hubkit.service.routing.ServiceRouter;
import io.hubkit.service.security.ServiceTokens;
import io.hubkit.service.server.ServerEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Wires the client and server endpoints: token verification, the client endpoint's filter (the
 * endpoint itself is the {@code @ConnectionEndpoint} bean {@code ClientEndpoint}), the server
 * endpoint on {@code /server} and {@code /server/} (WebSocket frames up to the largest server
 * message), and the meters.
 */
@Configuration(proxyBeanMethods = false)
public class EndpointConfiguration {

    /** Order of the {@code /server} mapping: ahead of the starter's endpoint mapping and controllers. */
    static final int SERVER_MAPPING_ORDER = -20;

    @Bean
    public ServiceTokens serviceTokens(AccessKeys keys, ServiceProperties properties) {
        URI endpoint = ConnectionStrings.publicEndpoint(properties.getPublicEndpoint(), 0);
        String base = endpoint.getScheme().toLowerCase(Locale.ROOT) + "://" + endpoint.getHost().toLowerCase(Locale.ROOT) + "/";
        return new ServiceTokens(keys.keys(), List.of(base), Clock.systemUTC());
    }

    @Bean
    public ServiceMeters serviceMeters(ObjectProvider<MeterRegistry> registry, LocalRouting routing) {
        return new ServiceMeters(registry.getIfAvailable(), routing);
    }

    @Bean
    public ClientAuthenticationFilter clientAuthenticationFilter(ServiceTokens tokens, ServiceRouter router,
                                                                 ServiceProperties properties) {
        return new ClientAuthenticationFilter(tokens, router, properties);
    }

    @Bean
    public ServerEndpoint serverEndpoint(ServiceTokens tokens, ServiceRouter router, ServiceProperties properties,
                                         ServiceMeters meters) {
        int maxFrame = properties.getMaxServerMessageSize() + 16;
        HandshakeWebSocketService webSockets = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(maxFrame)));
        return new ServerEndpoint(webSockets, tokens, router, properties, meters);
    }

    @Bean
    public SimpleUrlHandlerMapping serverEndpointMapping(ServerEndpoint endpoint) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(
                Map.of("/server", endpoint, "/server/", endpoint), SERVER_MAPPING_ORDER);
        return mapping;
    }
}
