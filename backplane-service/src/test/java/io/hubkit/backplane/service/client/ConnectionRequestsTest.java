package io.hubkit.backplane.service.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.backplane.service.protocol.OpenConnectionMessage;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.core.connection.ConnectionRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionRequestsTest {

    @Test
    void theRequestIsRebuiltFromTheOpenConnection() {
        OpenConnectionMessage open = new OpenConnectionMessage("c1",
                List.of(new ServiceClaim("asrs.s.uid", "alice"), new ServiceClaim("role", "admin"),
                        new ServiceClaim("role", "user"), new ServiceClaim("asrs.u.iss", "me")),
                Map.of("X-Forwarded-For", List.of("10.1.2.3, 10.0.0.1"), "Cookie", List.of("a=1; b=2")),
                "?hub=chathub&asrs.op=%2Fhubs%2Fchat&user=alice&id=xyz", ServiceExtensions.NONE.withProtocol("json"));

        ConnectionRequest request = ConnectionRequests.from(open, "/fallback");

        assertThat(request.connectionId()).isEqualTo("c1");
        assertThat(request.principal().getName()).isEqualTo("alice");
        ServiceClaimsPrincipal principal = (ServiceClaimsPrincipal) request.principal();
        assertThat(principal.claims().get("role")).containsExactly("admin", "user");
        assertThat(principal.claim("iss")).as("reserved names come back without their prefix").isEqualTo("me");
        assertThat(request.info().path()).isEqualTo("/hubs/chat");
        assertThat(request.info().queryParam("user")).isEqualTo("alice");
        assertThat(request.info().header("x-forwarded-for")).isEqualTo("10.1.2.3, 10.0.0.1");
        assertThat(request.info().cookie("b")).isEqualTo("2");
        assertThat(request.info().remoteAddress().getHostString()).isEqualTo("10.1.2.3");
        assertThat(request.info().transport()).isEqualTo(ServiceClientConnection.TRANSPORT_NAME);
    }

    @Test
    void withoutAUserClaimThereIsNoPrincipalAndThePathFallsBack() {
        OpenConnectionMessage open = new OpenConnectionMessage("c2", List.of(new ServiceClaim("aud", "x")), Map.of(),
                "", ServiceExtensions.NONE);
        ConnectionRequest request = ConnectionRequests.from(open, "/hubs/chat");
        assertThat(request.principal()).isNull();
        assertThat(request.info().path()).isEqualTo("/hubs/chat");
        assertThat(request.info().remoteAddress()).isNull();
    }

    @Test
    void nameidIsTheUserWhenNoSystemUserIdIsGiven() {
        assertThat(ServiceClaimsPrincipal.fromClaims(List.of(Map.entry("nameid", "bob"))).getName()).isEqualTo("bob");
    }
}
