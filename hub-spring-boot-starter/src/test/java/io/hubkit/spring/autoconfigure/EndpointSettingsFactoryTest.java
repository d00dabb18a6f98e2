package io.hubkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubkit.core.connection.ConnectionRequest;
import io.hubkit.core.connection.Transport;
import io.hubkit.spring.TransportType;
import io.hubkit.spring.endpoint.MappedEndpoint;
import io.hubkit.spring.web.EndpointSettings;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** How {@code hubkit.*} and an endpoint's annotation decide its transports, stateful reconnect and CORS. */
class EndpointSettingsFactoryTest {

    private final HubKitProperties properties = new HubKitProperties();

    @Test
    void byDefaultEveryTransportNoStatefulReconnectAndNoCors() {
        EndpointSettings settings = EndpointSettingsFactory.resolve(properties, endpoint("Chat", Set.of()));

        assertThat(settings.transports()).containsExactlyInAnyOrder(TransportType.values());
        assertThat(settings.statefulReconnect()).isFalse();
        assertThat(settings.cors()).isNull();
    }

    @Test
    void theAnnotationNarrowsAndTheServerWideListAlwaysApplies() {
        properties.setTransports(EnumSet.of(TransportType.WEB_SOCKETS, TransportType.LONG_POLLING));
        EndpointSettings settings = EndpointSettingsFactory.resolve(properties,
                endpoint("Chat", Set.of(TransportType.SERVER_SENT_EVENTS, TransportType.LONG_POLLING)));

        assertThat(settings.transports()).containsExactly(TransportType.LONG_POLLING);
        assertThat(settings.offers("LongPolling")).isTrue();
        assertThat(settings.offers("WebSockets")).isFalse();
    }

    @Test
    void anEndpointsOwnSettingsReplaceTheAnnotationAndTheDefaults() {
        HubKitProperties.Endpoint chat = new HubKitProperties.Endpoint();
        chat.setTransports(EnumSet.of(TransportType.WEB_SOCKETS));
        chat.setStatefulReconnect(true);
        properties.getEndpoints().put("chat", chat);
        HubKitProperties.CorsPolicy cors = new HubKitProperties.CorsPolicy();
        cors.setAllowedOrigins(List.of("https://app.example"));
        cors.setMaxAge(Duration.ofMinutes(5));
        properties.getCors().getEndpoints().put("CHAT", cors);

        EndpointSettings settings = EndpointSettingsFactory.resolve(properties,
                endpoint("Chat", Set.of(TransportType.LONG_POLLING)));

        assertThat(settings.transports()).containsExactly(TransportType.WEB_SOCKETS);
        assertThat(settings.statefulReconnect()).isTrue();
        assertThat(settings.cors().getAllowedOrigins()).containsExactly("https://app.example");
        assertThat(settings.cors().getAllowCredentials()).isTrue();
        assertThat(settings.cors().getMaxAge()).isEqualTo(300);
        assertThat(EndpointSettingsFactory.resolve(properties, endpoint("Other", Set.of())).cors())
                .as("other endpoints keep the server-wide policy (none)").isNull();
    }

    @Test
    void aServerWideCorsPolicyMustNotAllowEveryOriginWithCredentials() {
        properties.getCors().setAllowedOrigins(List.of("*"));
        assertThatThrownBy(() -> EndpointSettingsFactory.resolve(properties, endpoint("Chat", Set.of())))
                .isInstanceOf(IllegalArgumentException.class);

        properties.getCors().setAllowedOrigins(List.of());
        properties.getCors().setAllowedOriginPatterns(List.of("*"));
        assertThat(EndpointSettingsFactory.resolve(properties, endpoint("Chat", Set.of())).cors().getAllowedOriginPatterns())
                .containsExactly("*");
    }

    private static MappedEndpoint endpoint(String name, Set<TransportType> declared) {
        return new MappedEndpoint() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String path() {
                return "/" + name.toLowerCase();
            }

            @Override
            public Set<TransportType> declaredTransports() {
                return declared;
            }

            @Override
            public Mono<Void> connect(Transport transport, Flux<ByteBuffer> inbound, ConnectionRequest request) {
                return Mono.empty();
            }
        };
    }
}
