package io.hubkit.spring.service;

import io.hubkit.backplane.service.ServiceBackplane;
import io.hubkit.backplane.service.client.ServiceClientConnection;
import io.hubkit.backplane.service.negotiate.ServiceNegotiation;
import io.hubkit.core.connection.ConnectionInfo;
import io.hubkit.core.connection.UserIdProvider;
import io.hubkit.spring.endpoint.HubRegistration;
import io.hubkit.spring.web.ConnectionInfos;
import io.hubkit.spring.web.NegotiateRedirect;
import io.hubkit.spring.web.NegotiateRedirects;
import io.hubkit.spring.web.ServedEndpoint;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Negotiate for hubs on the service backplane: the client is sent to the hub service with a
 * short-lived client token ({@link ServiceNegotiation}) whose {@code asrs.s.uid} and {@code nameid}
 * are the user id the application's {@link UserIdProvider} gives for this request, and which carries
 * the principal's claims (with Spring Security: its authorities as {@code role} and the claims of a
 * token principal). The original path and query travel along, so the hub sees the same request
 * when the client arrives through the service. Raw connection endpoints and hubs on other
 * backplanes negotiate here as usual. Thread-safe and non-blocking.
 */
public final class ServiceNegotiateRedirects implements NegotiateRedirects {

    private static final boolean SPRING_SECURITY = ClassUtils.isPresent(
            "org.springframework.security.core.Authentication", ServiceNegotiateRedirects.class.getClassLoader());

    private final ServiceNegotiation negotiation;
    private final UserIdProvider userIdProvider;

    public ServiceNegotiateRedirects(ServiceNegotiation negotiation, UserIdProvider userIdProvider) {
        this.negotiation = negotiation;
        this.userIdProvider = userIdProvider;
    }

    @Override
    public Mono<NegotiateRedirect> redirect(ServerWebExchange exchange, ServedEndpoint endpoint) {
        if (!(endpoint.endpoint() instanceof HubRegistration hub)
                || !(hub.endpoint().backplane() instanceof ServiceBackplane backplane)) {
            return Mono.empty();
        }
        return exchange.getPrincipal()
                .map(Optional::of)
                .defaultIfEmpty(Optional.<Principal>empty())
                .map(principal -> {
                    ConnectionInfo request = ConnectionInfos.from(exchange.getRequest(),
                            ServiceClientConnection.TRANSPORT_NAME);
                    String userId = userIdProvider.userId(principal.orElse(null), request);
                    List<Map.Entry<String, String>> claims = principal.isPresent() && SPRING_SECURITY
                            ? SecurityClaims.of(principal.get()) : List.of();
                    ServiceNegotiation.Redirect redirect = negotiation.redirect(backplane.hubName(),
                            endpoint.path(), exchange.getRequest().getURI().getRawQuery(), userId, claims);
                    return new NegotiateRedirect(redirect.url(), redirect.accessToken());
                });
    }
}
