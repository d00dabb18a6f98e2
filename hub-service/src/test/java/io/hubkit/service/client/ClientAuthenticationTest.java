package io.hubkit.service.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.service.HubServiceApplication;
import io.hubkit.service.testing.TestAppServer;
import io.hubkit.service.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Client tokens on {@code /client/negotiate} and the transport path: forged, expired, wrong-hub,
 * wrong-endpoint and missing tokens get 401; a valid token negotiates (header or
 * {@code access_token}); a hub without an app server gets 503. Also the health routes.
 */
@SpringBootTest(classes = HubServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientAuthenticationTest {

    private static final String KEY = TestTokens.DEVELOPMENT_KEY;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> negotiate(String hub, String token, boolean inQuery) throws Exception {
        String url = "http://localhost:" + port + "/client/negotiate?hub=" + hub + "&negotiateVersion=1";
        if (token != null && inQuery) {
            url += "&access_token=" + token;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null && !inQuery) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void badTokensGet401() throws Exception {
        try (TestAppServer ignored = TestAppServer.connect(URI.create("http://localhost:" + port), "secured",
                TestTokens.server(KEY, "secured", "app"), "app")) {
            assertThat(negotiate("secured", null, false).statusCode()).isEqualTo(401);
            assertThat(negotiate("secured", "not.a.token", false).statusCode()).isEqualTo(401);
            assertThat(negotiate("secured", TestTokens.client("forged-key-forged-key-forged-key!!", "secured", Map.of()), false)
                    .statusCode()).isEqualTo(401);
            assertThat(negotiate("secured", TestTokens.token(KEY, "http://localhost/client/?hub=secured", Map.of(),
                    Duration.ofHours(-1)), false).statusCode()).isEqualTo(401);
            assertThat(negotiate("secured", TestTokens.client(KEY, "otherhub", Map.of()), false).statusCode()).isEqualTo(401);
            assertThat(negotiate("secured", TestTokens.server(KEY, "secured", "app"), false).statusCode()).isEqualTo(401);
            HttpResponse<String> expired = negotiate("secured", TestTokens.token(KEY,
                    "http://localhost/client/?hub=secured", Map.of(), Duration.ofHours(-1)), true);
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.body()).contains("expired");
        }
    }

    @Test
    void aValidTokenNegotiatesWhenTheHubHasAnAppServer() throws Exception {
        String token = TestTokens.client(KEY, "Negotiated", Map.of("nameid", "bob"));
        HttpResponse<String> noServer = negotiate("Negotiated", token, false);
        assertThat(noServer.statusCode()).isEqualTo(503);
        assertThat(noServer.body()).contains("No app server is connected to hub 'negotiated'");

        try (TestAppServer ignored = TestAppServer.connect(URI.create("http://localhost:" + port), "negotiated",
                TestTokens.server(KEY, "negotiated", "app"), "app")) {
            for (boolean inQuery : new boolean[] {false, true}) {
                HttpResponse<String> response = negotiate("Negotiated", token, inQuery);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode body = JSON.readTree(response.body());
                assertThat(body.path("connectionToken").asText()).isNotEmpty();
                assertThat(body.path("availableTransports").size()).isEqualTo(3);
            }
        }
    }

    @Test
    void healthRoutesAnswer() throws Exception {
        for (String path : new String[] {"/api/health", "/api/v1/health", "/api/health?api-version=2022-06-01"}) {
            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/status.json"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(status.body()).path("mode").asText()).isEqualTo("default");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/status"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("status.json");
    }
}
