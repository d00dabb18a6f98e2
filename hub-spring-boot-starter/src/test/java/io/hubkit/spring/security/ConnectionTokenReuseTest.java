package io.hubkit.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A connection token used by another user: every later request of a connection negotiated by ann
 * — long-poll GET, POST send, DELETE, an SSE GET and a WebSocket upgrade naming it — made with
 * bob's valid JWT (in the header, or as {@code access_token}) gets 403, as ASP.NET Core answers, and ann's long-polling connection goes on
 * unaffected: handshake, an invocation answered with her name, and a clean DELETE.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hubkit.access-token-query-parameter=false")
class ConnectionTokenReuseTest {

    private static final String RS = "\u001e";

    @LocalServerPort
    int port;

    WebTestClient http;
    String ann;
    String bob;

    @BeforeEach
    void setUp() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        ann = TestTokens.issue("ann", "chat", Duration.ofMinutes(10));
        bob = TestTokens.issue("bob", "chat", Duration.ofMinutes(10));
    }

    @Test
    void anotherUsersRequestsForAConnectionAreForbiddenAndTheConnectionCarriesOn() throws IOException {
        String token = new ObjectMapper().readTree(http.post().uri("/hubs/secure/negotiate?negotiateVersion=1")
                        .headers(h -> h.setBearerAuth(ann)).exchange()
                        .expectStatus().isOk().expectBody().returnResult().getResponseBody())
                .path("connectionToken").asText();
        String uri = "/hubs/secure?id=" + token;

        http.get().uri(uri).headers(h -> h.setBearerAuth(bob)).exchange().expectStatus().isForbidden();
        poll(uri); // ann's first poll starts the connection
        http.post().uri(uri).headers(h -> h.setBearerAuth(bob)).bodyValue("{\"protocol\":\"json\",\"version\":1}" + RS)
                .exchange().expectStatus().isForbidden();
        send(uri, "{\"protocol\":\"json\",\"version\":1}" + RS);
        assertThat(poll(uri)).isEqualTo("{}" + RS);

        http.get().uri(uri).headers(h -> h.setBearerAuth(bob)).exchange().expectStatus().isForbidden();
        http.get().uri(uri).headers(h -> h.setBearerAuth(bob)).header(HttpHeaders.ACCEPT, "text/event-stream")
                .exchange().expectStatus().isForbidden();
        http.get().uri(uri).headers(h -> h.setBearerAuth(bob))
                .header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .exchange().expectStatus().isForbidden();
        http.get().uri(uri + "&access_token=" + bob).exchange().expectStatus().isForbidden();
        http.delete().uri(uri).headers(h -> h.setBearerAuth(bob)).exchange().expectStatus().isForbidden();

        send(uri, "{\"type\":1,\"invocationId\":\"1\",\"target\":\"whoAmI\",\"arguments\":[]}" + RS);
        assertThat(poll(uri)).isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"result\":\"ann\"}" + RS);
        http.delete().uri(uri).headers(h -> h.setBearerAuth(ann)).exchange().expectStatus().isAccepted();
    }

    private String poll(String uri) {
        byte[] body = http.get().uri(uri).headers(h -> h.setBearerAuth(ann)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private void send(String uri, String text) {
        http.post().uri(uri).headers(h -> h.setBearerAuth(ann)).bodyValue(text).exchange().expectStatus().isOk();
    }
}
