package io.hubkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.spring.e2e.TestApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

/**
 * Negotiate (versions, errors, 405) and the status codes of the transport path (404, 409, 400,
 * 405), over HTTP against the running test application.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NegotiateAndTransportEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "[A-Za-z0-9_-]{22}";

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void versionOneGivesAnIdAndASeparateTokenAndTheTransports() throws IOException {
        EntityExchangeResult<byte[]> result = negotiate("/hubs/test/negotiate?negotiateVersion=1");
        JsonNode body = JSON.readTree(result.getResponseBody());

        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(result.getResponseHeaders().getContentLength()).isEqualTo(result.getResponseBody().length);
        assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8))
                .startsWith("{\"negotiateVersion\":1,\"connectionId\":\"");
        assertThat(body.path("negotiateVersion").asInt()).isEqualTo(1);
        assertThat(body.path("connectionId").asText()).matches(ID);
        assertThat(body.path("connectionToken").asText()).matches(ID).isNotEqualTo(body.path("connectionId").asText());
        assertThat(JSON.convertValue(body.path("availableTransports"), List.class)).isEqualTo(List.of(
                Map.of("transport", "WebSockets", "transferFormats", List.of("Text", "Binary")),
                Map.of("transport", "ServerSentEvents", "transferFormats", List.of("Text")),
                Map.of("transport", "LongPolling", "transferFormats", List.of("Text", "Binary"))));
        assertThat(body.has("useStatefulReconnect")).as("not granted unless enabled").isFalse();
    }

    @Test
    void versionZeroHasNoTokenAndIsTheDefault() throws IOException {
        JsonNode body = JSON.readTree(negotiate("/hubs/test/negotiate").getResponseBody());

        assertThat(body.path("negotiateVersion").asInt()).isZero();
        assertThat(body.path("connectionId").asText()).matches(ID);
        assertThat(body.has("connectionToken")).isFalse();
        assertThat(body.path("availableTransports").size()).isEqualTo(3);
    }

    @Test
    void aHigherVersionIsAnsweredWithTheServersVersionAndNamesIgnoreCase() throws IOException {
        assertThat(JSON.readTree(negotiate("/hubs/test/negotiate?negotiateVersion=7").getResponseBody())
                .path("negotiateVersion").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(negotiate("/HUBS/Test/Negotiate?NEGOTIATEVERSION=1").getResponseBody())
                .path("connectionToken").asText()).matches(ID);
        assertThat(JSON.readTree(negotiate("/hubs/test/negotiate/?negotiateVersion=1").getResponseBody())
                .path("negotiateVersion").asInt()).isEqualTo(1);
    }

    @Test
    void eachNegotiateMakesANewConnection() throws IOException {
        JsonNode first = JSON.readTree(negotiate("/hubs/test/negotiate?negotiateVersion=1").getResponseBody());
        JsonNode second = JSON.readTree(negotiate("/hubs/test/negotiate?negotiateVersion=1").getResponseBody());

        assertThat(first.path("connectionId").asText()).isNotEqualTo(second.path("connectionId").asText());
        assertThat(first.path("connectionToken").asText()).isNotEqualTo(second.path("connectionToken").asText());
    }

    @Test
    void badVersionsGetAnErrorBodyWithStatus200() throws IOException {
        assertThat(JSON.readTree(negotiate("/hubs/test/negotiate?negotiateVersion=one").getResponseBody()))
                .isEqualTo(JSON.readTree("{\"error\":\"The client requested a non-integer protocol version.\"}"));
        assertThat(JSON.readTree(negotiate("/hubs/test/negotiate?negotiateVersion=-1").getResponseBody()))
                .isEqualTo(JSON.readTree(
                        "{\"error\":\"The client requested version '-1', but the server does not support this version.\"}"));
    }

    @Test
    void negotiateOnlyAcceptsPost() {
        http.get().uri("/hubs/test/negotiate").exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        http.put().uri("/hubs/test/negotiate").exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void aHubRestrictedToOneTransportOnlyNegotiatesThatOne() throws IOException {
        JsonNode body = JSON.readTree(negotiate("/hubs/polling-only/negotiate?negotiateVersion=1").getResponseBody());

        assertThat(JSON.convertValue(body.path("availableTransports"), List.class)).isEqualTo(List.of(
                Map.of("transport", "LongPolling", "transferFormats", List.of("Text", "Binary"))));
    }

    @Test
    void everyHubHasItsOwnNegotiateAndTokensDoNotCrossHubs() throws IOException {
        JsonNode other = JSON.readTree(negotiate("/hubs/other/negotiate?negotiateVersion=1").getResponseBody());
        assertThat(other.path("connectionToken").asText()).matches(ID);

        upgrade("/hubs/test?id=" + other.path("connectionToken").asText())
                .expectStatus().isNotFound()
                .expectBody(String.class).isEqualTo("No Connection with that ID");
    }

    @Test
    void aWebSocketWithAnUnknownIdGets404() {
        upgrade("/hubs/test?id=doesNotExist")
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo("No Connection with that ID");
    }

    @Test
    void aSecondWebSocketForAnActiveConnectionGets409AndTheTokenEndsWithTheConnection() throws Exception {
        String token = JSON.readTree(negotiate("/hubs/test/negotiate?negotiateVersion=1").getResponseBody())
                .path("connectionToken").asText();
        Sinks.Empty<Void> opened = Sinks.empty();
        Disposable socket = HttpClient.create()
                .websocket()
                .uri("ws://127.0.0.1:" + port + "/hubs/test?id=" + token)
                .handle((in, out) -> {
                    opened.tryEmitEmpty();
                    return in.receive().then();
                })
                .subscribe();
        try {
            opened.asMono().block(Duration.ofSeconds(10));

            upgrade("/hubs/test?id=" + token).expectStatus().isEqualTo(HttpStatus.CONFLICT);
            http.post().uri("/hubs/test?id=" + token).bodyValue("x").exchange()
                    .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                    .expectBody(String.class).isEqualTo("POST requests are not allowed for WebSocket connections.");
            http.delete().uri("/hubs/test?id=" + token).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody(String.class).isEqualTo("Cannot terminate this connection using the DELETE endpoint.");
        } finally {
            socket.dispose();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                upgrade("/hubs/test?id=" + token).expectStatus().isNotFound());
    }

    @Test
    void requestsWithoutATransportOrAnIdGetTheOfficialStatusCodes() {
        http.get().uri("/hubs/polling-only?id=whatever")
                .header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).isEqualTo("WebSockets transport not supported by this end point type");
        http.get().uri("/hubs/polling-only?id=whatever").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).isEqualTo("ServerSentEvents transport not supported by this end point type");
        http.get().uri("/hubs/test").exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).isEqualTo("Connection ID required");
        http.get().uri("/hubs/test").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).isEqualTo("Connection ID required");
        http.get().uri("/hubs/test?id=whatever").exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).isEqualTo("No Connection with that ID");
        http.get().uri("/hubs/test?id=whatever").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).isEqualTo("No Connection with that ID");
        http.post().uri("/hubs/test").bodyValue("x").exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class).isEqualTo("Connection ID required");
        http.post().uri("/hubs/test?id=unknown").bodyValue("x").exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).isEqualTo("No Connection with that ID");
        http.delete().uri("/hubs/test").exchange().expectStatus().isBadRequest();
        http.put().uri("/hubs/test").exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void otherPathsAreLeftToTheApplication() {
        http.post().uri("/api/broadcast?text=nobody").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("sent");
        http.post().uri("/hubs/unknown/negotiate").exchange().expectStatus().isNotFound();
    }

    private EntityExchangeResult<byte[]> negotiate(String uri) {
        return http.post().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
    }

    private WebTestClient.ResponseSpec upgrade(String uri) {
        return http.get().uri(uri)
                .header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .exchange();
    }
}
