package io.hubkit.spring.autoconfigure;

import io.hubkit.core.HubEndpoint;
import io.hubkit.core.HubOptions;
import io.hubkit.core.backplane.BackplaneFactory;
import io.hubkit.core.backplane.LocalBackplane;
import io.hubkit.core.connection.UserIdProvider;
import io.hubkit.core.dispatch.HubFilter;
import io.hubkit.core.observe.HubObserverFactory;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.spring.endpoint.ConnectionEndpointRegistry;
import io.hubkit.spring.endpoint.HubEndpointRegistry;
import io.hubkit.spring.endpoint.HubEndpointsLifecycle;
import io.hubkit.spring.endpoint.MappedEndpoint;
import io.hubkit.spring.shutdown.GracefulShutdown;
import io.hubkit.spring.shutdown.NegotiationGate;
import io.hubkit.spring.web.AccessTokenQueryParameterFilter;
import io.hubkit.spring.web.HubHandlerMapping;
import io.hubkit.spring.web.HubTransports;
import io.hubkit.spring.web.NegotiateHandler;
import io.hubkit.spring.web.NegotiateRedirects;
import io.hubkit.spring.web.ServedEndpoints;
import io.hubkit.spring.web.TransportHandler;
import io.hubkit.spring.web.connection.NegotiatedConnections;
import io.hubkit.spring.web.longpolling.LongPollingTransportHandler;
import io.hubkit.spring.web.sse.ServerSentEventsTransportHandler;
import io.hubkit.spring.web.websocket.HubWebSocketUpgradeStrategy;
import io.hubkit.spring.web.websocket.WebSocketTransportHandler;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;

/**
 * Serves every {@link io.hubkit.spring.Hub @Hub} bean and every raw
 * {@link io.hubkit.spring.connection.ConnectionEndpoint @ConnectionEndpoint} bean of a reactive web
 * application: negotiate on {@code POST {path}/negotiate} and the transports (WebSockets,
 * Server-Sent Events, long polling) on {@code {path}}. Every building block is a bean the
 * application can replace by declaring its own: {@link HubProtocols}, {@link BackplaneFactory},
 * {@link UserIdProvider}, {@link HubOptions} (else built from {@code hubkit.*}), the
 * {@link HubEndpointRegistry}, the transports and the handler mapping. {@link HubFilter} beans apply
 * to every hub in their {@code @Order}; {@link HubObserverFactory} beans (e.g. metrics) watch every
 * hub. {@code HubContext<H>} is injectable for each hub class {@code H}. Hubs shut down gracefully
 * when the context stops ({@link GracefulShutdown}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({HubEndpoint.class, HandshakeWebSocketService.class})
@EnableConfigurationProperties(HubKitProperties.class)
public class HubKitAutoConfiguration {

    /** Where the WebSockets transport sits in the negotiate list (first, as on the official server). */
    public static final int WEB_SOCKETS_ORDER = 100;
    /** Where the Server-Sent Events transport sits in the negotiate list (second). */
    public static final int SERVER_SENT_EVENTS_ORDER = 200;
    /** Where the long-polling transport sits in the negotiate list (last). */
    public static final int LONG_POLLING_ORDER = 300;

    static {
        // early: the static registrar bean below loads this class while bean definitions are processed
        ReactorNettyKeepAliveFix.apply();
    }

    @Bean
    static HubContextBeanRegistrar hubKitHubContextBeanRegistrar() {
        return new HubContextBeanRegistrar();
    }

    @Bean
    @ConditionalOnMissingBean
    public HubProtocols hubProtocols() {
        return HubProtocols.defaults();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "hubkit.backplane", name = "type", havingValue = "local", matchIfMissing = true)
    public BackplaneFactory localBackplaneFactory() {
        return LocalBackplane::new;
    }

    @Bean
    @ConditionalOnMissingBean
    public UserIdProvider userIdProvider() {
        return UserIdProvider.PRINCIPAL_NAME;
    }

    @Bean
    @ConditionalOnMissingBean
    public HubOptions hubOptions(HubKitProperties properties) {
        return HubOptionsFactory.from(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    public HubEndpointRegistry hubEndpointRegistry(ConfigurableListableBeanFactory beanFactory, HubOptions options,
                                                   HubProtocols protocols, BackplaneFactory backplaneFactory,
                                                   UserIdProvider userIdProvider, ObjectProvider<HubFilter> filters,
                                                   ObjectProvider<HubObserverFactory> observers) {
        return new HubEndpointRegistry(beanFactory, options, protocols, backplaneFactory, userIdProvider,
                filters.orderedStream().toList(), HubObserverFactory.composite(observers.orderedStream().toList()));
    }

    @Bean
    @ConditionalOnMissingBean
    public ConnectionEndpointRegistry connectionEndpointRegistry(ConfigurableListableBeanFactory beanFactory) {
        return new ConnectionEndpointRegistry(beanFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    public ServedEndpoints servedEndpoints(HubEndpointRegistry hubs, ConnectionEndpointRegistry rawEndpoints,
                                           HubKitProperties properties) {
        List<MappedEndpoint> endpoints = new ArrayList<>(hubs.registrations());
        endpoints.addAll(rawEndpoints.registrations());
        return new ServedEndpoints(endpoints, EndpointSettingsFactory.from(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    public GracefulShutdown hubKitGracefulShutdown(Environment environment) {
        return GracefulShutdown.from(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    public HubEndpointsLifecycle hubEndpointsLifecycle(HubEndpointRegistry registry, GracefulShutdown shutdown) {
        return new HubEndpointsLifecycle(registry, shutdown);
    }

    @Bean
    @ConditionalOnMissingBean
    public NegotiationGate hubKitNegotiationGate(GracefulShutdown shutdown, ServedEndpoints endpoints) {
        return new NegotiationGate(shutdown, endpoints);
    }

    @Bean
    @ConditionalOnMissingBean
    public NegotiatedConnections negotiatedConnections(HubKitProperties properties) {
        return new NegotiatedConnections(properties.getDisconnectTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    public HubTransports hubTransports(ObjectProvider<TransportHandler> handlers, NegotiatedConnections connections) {
        return new HubTransports(handlers.orderedStream().toList(), connections);
    }

    @Bean
    @ConditionalOnMissingBean
    public NegotiateHandler negotiateHandler(NegotiatedConnections connections, HubTransports transports,
                                             ObjectProvider<NegotiateRedirects> redirects) {
        return new NegotiateHandler(connections, transports, redirects.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    public HubHandlerMapping hubHandlerMapping(ServedEndpoints endpoints, NegotiateHandler negotiateHandler,
                                              HubTransports transports) {
        return new HubHandlerMapping(endpoints, negotiateHandler, transports);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "hubkit", name = "access-token-query-parameter", havingValue = "true",
            matchIfMissing = true)
    public AccessTokenQueryParameterFilter hubKitAccessTokenQueryParameterFilter(ServedEndpoints endpoints) {
        return new AccessTokenQueryParameterFilter(endpoints);
    }

    @Bean
    @ConditionalOnMissingBean
    @Order(SERVER_SENT_EVENTS_ORDER)
    public ServerSentEventsTransportHandler serverSentEventsTransportHandler(NegotiatedConnections connections) {
        return new ServerSentEventsTransportHandler(connections);
    }

    @Bean
    @ConditionalOnMissingBean
    @Order(LONG_POLLING_ORDER)
    public LongPollingTransportHandler longPollingTransportHandler(NegotiatedConnections connections,
                                                                   HubKitProperties properties) {
        return new LongPollingTransportHandler(connections, properties.getLongPolling().getPollTimeout());
    }

    /** The WebSockets transport, on Reactor Netty. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "reactor.netty.http.server.HttpServer")
    static class WebSocketTransportConfiguration {

        /** Smallest inbound frame accepted whatever the message size limit (the WebFlux default). */
        static final int MIN_FRAME_PAYLOAD = 64 * 1024;

        @Bean
        @ConditionalOnMissingBean
        @Order(WEB_SOCKETS_ORDER)
        WebSocketTransportHandler webSocketTransportHandler(HubOptions options, NegotiatedConnections connections) {
            int maxFramePayload = maxFramePayload(options.maximumReceiveMessageSize());
            HandshakeWebSocketService service = new HandshakeWebSocketService(
                    new HubWebSocketUpgradeStrategy(maxFramePayload));
            return new WebSocketTransportHandler(service, connections);
        }

        /**
         * Frames may carry several messages, so the frame limit is four messages' worth (at least
         * 64 KiB): a message over the limit still reaches the runtime, which closes the connection
         * with the documented error, while a frame over it is refused by the server (close 1009).
         */
        static int maxFramePayload(int maximumReceiveMessageSize) {
            long limit = Math.max((long) MIN_FRAME_PAYLOAD, 4L * maximumReceiveMessageSize);
            return (int) Math.min(limit, Integer.MAX_VALUE);
        }
    }
}
