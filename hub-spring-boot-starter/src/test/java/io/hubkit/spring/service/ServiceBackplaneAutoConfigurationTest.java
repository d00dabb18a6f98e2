package io.hubkit.spring.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.backplane.service.ServiceBackplane;
import io.hubkit.backplane.service.ServiceBackplaneFactory;
import io.hubkit.backplane.service.ServiceBackplaneOptions;
import io.hubkit.backplane.service.auth.AccessTokenValidator;
import io.hubkit.backplane.service.auth.ValidatedAccessToken;
import io.hubkit.core.backplane.LocalBackplane;
import io.hubkit.core.connection.UserIdProvider;
import io.hubkit.spring.autoconfigure.HubKitAutoConfiguration;
import io.hubkit.spring.endpoint.HubEndpointRegistry;
import io.hubkit.spring.redis.ScaleOutHub;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.hubkit.backplane.service.client.ServiceClaimsPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code hubkit.backplane.type: service} and a connection string are all an application needs:
 * every hub gets a service backplane built from {@code hubkit.backplane.service.*}, and negotiate
 * answers with a redirect to the service carrying a client token the service accepts (user id in
 * {@code asrs.s.uid} and {@code nameid}, the hub path in {@code asrs.op}, the client's query kept).
 * Without the property nothing changes. The service is unreachable here: only the app side is tested.
 */
class ServiceBackplaneAutoConfigurationTest {

    private static final String KEY = "ServiceBackplaneAutoConfigurationTestKey0123";

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HubKitAutoConfiguration.class,
                    ServiceBackplaneAutoConfiguration.class, ServiceBackplaneUnavailableAutoConfiguration.class))
            .withUserConfiguration(OneHub.class);

    @Configuration(proxyBeanMethods = false)
    @Import(ScaleOutHub.class)
    static class OneHub {

        @Bean
        UserIdProvider queryParameterUserIdProvider() {
            return (principal, request) -> request.queryParam("user");
        }
    }

    @Test
    void thePropertiesConfigureTheServiceBackplaneOfEveryHub() {
        runner.withPropertyValues("hubkit.backplane.type=service",
                        "hubkit.backplane.service.connection-string=Endpoint=http://localhost;Port=1;AccessKey=" + KEY
                                + ";Version=1.0;",
                        "hubkit.backplane.service.application-name=Shop",
                        "hubkit.backplane.service.connection-count=2",
                        "hubkit.backplane.service.ack-timeout=3s",
                        "hubkit.backplane.service.server-id=server-one")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(ServiceBackplaneFactory.class)
                            .hasSingleBean(ServiceNegotiateRedirects.class)
                            .hasSingleBean(ServiceBackplaneConnector.class);
                    ServiceBackplaneOptions options = context.getBean(ServiceBackplaneFactory.class).options();
                    assertThat(options.connectionCount()).isEqualTo(2);
                    assertThat(options.ackTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(options.serverId()).isEqualTo("server-one");
                    ServiceBackplane backplane = (ServiceBackplane) context.getBean(HubEndpointRegistry.class)
                            .forHubClass(ScaleOutHub.class).endpoint().backplane();
                    assertThat(backplane.hubKey()).isEqualTo("shop_scaleouthub");
                    assertThat(backplane.clients().isAttached()).as("attached when the context started").isTrue();
                    assertThat(backplane.status().block(Duration.ofSeconds(5)).up())
                            .as("no service to reach").isFalse();
                });
    }

    @Test
    void negotiateRedirectsToTheServiceWithAClientToken() {
        runner.withPropertyValues("hubkit.backplane.type=service",
                        "hubkit.backplane.service.connection-string=Endpoint=http://localhost;Port=1;AccessKey=" + KEY
                                + ";Version=1.0;")
                .withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class))
                .run(context -> {
                    byte[] body = WebTestClient.bindToApplicationContext(context).build()
                            .post().uri(URI.create("/hubs/scale/negotiate?negotiateVersion=1&user=ann&room=a%20b"))
                            .exchange()
                            .expectStatus().isOk()
                            .expectBody().returnResult().getResponseBody();
                    JsonNode redirect = new ObjectMapper().readTree(body);
                    assertThat(redirect.has("connectionId")).as("no connection is made here").isFalse();

                    URI url = URI.create(redirect.path("url").asText());
                    assertThat(url.getScheme() + "://" + url.getAuthority() + url.getPath())
                            .isEqualTo("http://localhost:1/client/");
                    assertThat(url.getRawQuery()).startsWith("hub=scaleouthub&asrs.op=%2Fhubs%2Fscale&user=ann&room=a%20b")
                            .doesNotContain("negotiateVersion").contains("&asrs_request_id=");

                    ValidatedAccessToken token = new AccessTokenValidator(List.of(KEY))
                            .validate(redirect.path("accessToken").asText(), "http://localhost/client/?hub=scaleouthub");
                    assertThat(token.claim("asrs.s.uid")).isEqualTo("ann");
                    assertThat(token.claim("nameid")).isEqualTo("ann");
                });
    }

    @Test
    void theLocalBackplaneStaysTheDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ServiceBackplaneFactory.class)
                    .doesNotHaveBean(ServiceNegotiateRedirects.class);
            assertThat(context.getBean(HubEndpointRegistry.class).forHubClass(ScaleOutHub.class).endpoint()
                    .backplane()).isInstanceOf(LocalBackplane.class);
        });
    }

    @Test
    void aMissingConnectionStringFailsTheStartupClearly() {
        runner.withPropertyValues("hubkit.backplane.type=service")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("A service connection string is needed"));
    }

    @Test
    void withSpringSecurityAClientThroughTheServiceIsAuthenticatedWithItsRoles() {
        ServiceClaimsPrincipal user = ServiceClaimsPrincipal.fromClaims(List.of(Map.entry("asrs.s.uid", "ann"),
                Map.entry("role", "ROLE_ADMIN"), Map.entry("role", "ROLE_USER")));

        Authentication authentication = (Authentication) SecurityPrincipals.authenticated(user);

        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getName()).as("the user id, for user routing").isEqualTo("ann");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN", "ROLE_USER");
        assertThat(authentication.getPrincipal()).isSameAs(user);
    }
}
