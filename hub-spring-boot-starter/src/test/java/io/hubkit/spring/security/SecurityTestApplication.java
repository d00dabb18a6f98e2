package io.hubkit.spring.security;

import java.time.Duration;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A resource server checking HS256 JWTs signed with {@link TestTokens#SECRET}: {@code /hubs/secure}
 * needs an authenticated user (so negotiate answers 401 without a valid token), everything else is
 * open. Tokens are read from the {@code Authorization} header and, on GET requests (WebSockets,
 * SSE), from the {@code access_token} query parameter by Spring Security itself; the test turns
 * HubKit's own query-to-header filter off, or Spring would see two tokens and refuse the request.
 * {@code GET /short-lived-token?sub=NAME} mints a token that lives 3 seconds, so that the client can
 * fetch it right before it connects (minted earlier, it could expire on a loaded machine before the
 * client even connected).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWebFluxSecurity
@Import(SecureHub.class)
public class SecurityTestApplication {

    @Bean
    ReactiveJwtDecoder jwtDecoder() {
        SecretKey key = new SecretKeySpec(TestTokens.SECRET, "HmacSHA256");
        return NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    RouterFunction<ServerResponse> shortLivedTokens() {
        return RouterFunctions.route()
                .GET("/short-lived-token", request -> ServerResponse.ok().bodyValue(
                        TestTokens.issue(request.queryParam("sub").orElse("cy"), "chat", Duration.ofSeconds(3))))
                .build();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        bearer.setAllowUriQueryParameter(true);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/hubs/secure", "/hubs/secure/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(bearer)
                        .jwt(jwt -> { }))
                .build();
    }

}
