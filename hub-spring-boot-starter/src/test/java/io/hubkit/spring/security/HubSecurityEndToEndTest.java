package io.hubkit.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.spring.test.NodeClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official JS client against a WebFlux resource server with real HS256 JWTs: negotiate refuses
 * missing, expired, forged and garbage tokens with 401 and takes a valid one from the header or
 * the {@code access_token} query (Spring Security's own
 * {@code setAllowUriQueryParameter(true)}, used by the SSE transport, with HubKit's copying filter
 * off); {@code @PreAuthorize} on the hub class and methods and
 * {@code @Secured} allow and deny per invocation (plain, streaming, argument-based) with the exact
 * ASP.NET Core text while the connection stays open; user targets reach exactly that user's
 * connections over WebSockets, SSE and long polling; a connection whose token expires is closed
 * ({@code hubkit.close-on-authentication-expiration}) while the others carry on.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hubkit.close-on-authentication-expiration=true", "hubkit.access-token-query-parameter=false"})
class HubSecurityEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void tokensMethodRulesUserTargetsAndExpiry() {
        String ann = TestTokens.issue("ann", "chat admin", Duration.ofMinutes(10));
        String bob = TestTokens.issue("bob", "chat", Duration.ofMinutes(10));
        String expired = TestTokens.expired("ann", Duration.ofMinutes(10));
        String forged = TestTokens.forged("ann");

        JsonNode seen = NodeClient.create().run("security.js", "http://127.0.0.1:" + port,
                ann, bob, expired, forged);

        JsonNode negotiate = seen.path("negotiate");
        assertThat(negotiate.path("none").asInt()).isEqualTo(401);
        assertThat(negotiate.path("expired").asInt()).isEqualTo(401);
        assertThat(negotiate.path("forged").asInt()).isEqualTo(401);
        assertThat(negotiate.path("garbage").asInt()).isEqualTo(401);
        assertThat(negotiate.path("header").asInt()).isEqualTo(200);
        assertThat(seen.path("anonymousStart").asText()).contains("Status code '401'");

        assertThat(texts(seen.path("whoAmI"))).containsExactly("ann", "ann", "bob");

        JsonNode denied = seen.path("bob");
        assertThat(denied.path("adminOnly").asText()).isEqualTo("Failed to invoke 'adminOnly' because user is unauthorized");
        assertThat(denied.path("stillOpen").asText()).isEqualTo("bob");
        assertThat(denied.path("securedAdmin").asText())
                .isEqualTo("Failed to invoke 'securedAdmin' because user is unauthorized");
        assertThat(denied.path("adminCount").asText()).isEqualTo("Failed to invoke 'adminCount' because user is unauthorized");
        assertThat(denied.path("joinVip").asText()).isEqualTo("Failed to invoke 'join' because user is unauthorized");
        assertThat(denied.path("state").asText()).isEqualTo("Connected");

        JsonNode allowed = seen.path("ann");
        assertThat(allowed.path("adminOnly").asText()).isEqualTo("admin secret");
        assertThat(allowed.path("securedAdmin").asText()).isEqualTo("secured secret");
        assertThat(allowed.path("adminCount").toString()).isEqualTo("[1,2,3]");

        JsonNode direct = seen.path("direct");
        assertThat(direct.path("ann").toString()).isEqualTo("[[\"bob\",\"for ann\"]]");
        assertThat(direct.path("annSse").toString()).isEqualTo("[[\"bob\",\"for ann\"]]");
        assertThat(direct.path("bob").toString()).as("bob reads only what was sent to bob").isEqualTo("[[\"ann\",\"for bob\"]]");
        assertThat(seen.path("shouted").path("ann").asText()).isEqualTo("bob cannot join vip but may shout into it");
        assertThat(seen.path("shouted").path("bob").asInt()).as("bob is not in vip").isZero();

        assertThat(seen.path("cyBefore").asText()).isEqualTo("cy");
        assertThat(seen.path("cyClosed").asText()).as("closed by the server when the token expired").isNotEmpty();
        assertThat(seen.path("annAfterCyExpired").asText()).isEqualTo("ann");
        assertThat(texts(seen.path("problems"))).as("warnings in the clients' logs").isEmpty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
