package io.hubkit.backplane.service.negotiate;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.backplane.service.auth.AccessTokenIssuer;
import io.hubkit.backplane.service.auth.AccessTokenValidator;
import io.hubkit.backplane.service.auth.ServiceConnectionString;
import io.hubkit.backplane.service.auth.ValidatedAccessToken;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceNegotiationTest {

    private static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

    private final ServiceConnectionString connectionString = ServiceConnectionString.parse(
            "Endpoint=https://svc.example;AccessKey=" + KEY + ";Version=1.0;ClientEndpoint=https://clients.example");

    @Test
    void theRedirectCarriesThePathTheQueryAndAUserToken() {
        ServiceNegotiation negotiation = new ServiceNegotiation(connectionString, "Shop",
                new AccessTokenIssuer(KEY));

        ServiceNegotiation.Redirect redirect = negotiation.redirect("Chat", "/hubs/chat",
                "negotiateVersion=1&user=ann&useStatefulReconnect=true&x=1", "ann",
                List.of(Map.entry("role", "admin"), Map.entry("role", "user"), Map.entry("iss", "me"),
                        Map.entry("asrs.s.sn", "forged")));

        assertThat(redirect.url()).startsWith("https://clients.example/client/?hub=shop_chat&asrs.op=%2Fhubs%2Fchat"
                + "&user=ann&x=1&asrs_request_id=");
        ValidatedAccessToken token = new AccessTokenValidator(List.of(KEY))
                .validate(redirect.accessToken(), "https://svc.example/client/?hub=shop_chat");
        assertThat(token.claim("asrs.s.uid")).isEqualTo("ann");
        assertThat(token.claim("nameid")).isEqualTo("ann");
        assertThat(token.claims()).contains(new ServiceClaim("role", "admin"), new ServiceClaim("role", "user"),
                new ServiceClaim("asrs.u.iss", "me"));
        assertThat(token.claim("asrs.s.sn")).as("system claims cannot be smuggled in").isNull();
    }

    @Test
    void anAnonymousClientGetsATokenWithoutAUser() {
        ServiceNegotiation negotiation = new ServiceNegotiation(connectionString, null, new AccessTokenIssuer(KEY));
        ServiceNegotiation.Redirect redirect = negotiation.redirect("Chat", "/chat", null, null, List.of());
        assertThat(redirect.url()).startsWith("https://clients.example/client/?hub=chat&asrs.op=%2Fchat&asrs_request_id=");
        ValidatedAccessToken token = new AccessTokenValidator(List.of(KEY))
                .validate(redirect.accessToken(), "https://svc.example/client/?hub=chat");
        assertThat(token.claim("asrs.s.uid")).isNull();
        assertThat(token.claim("nameid")).isNull();
    }
}
