package io.hubkit.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.spring.e2e.TestApplication;
import io.hubkit.spring.e2e.TestHub;
import io.hubkit.spring.test.RawHttp;
import io.hubkit.spring.test.RawHttp.EventStream;
import io.hubkit.spring.test.RawHttp.Reply;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.publisher.Mono;

/**
 * Server-Sent Events and long polling at the HTTP level, against the running test application:
 * every status code, header and body of both transports, driven request by request, plus the
 * per-endpoint CORS policy and the {@code access_token} query parameter. The official client over
 * these transports is covered by the end-to-end tests.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hubkit.long-polling.poll-timeout=1s", "hubkit.disconnect-timeout=2s",
                "hubkit.cors.endpoints.Other.allowed-origins=http://allowed.example"})
class HttpTransportsEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char RS = '\u001e';
    private static final String JSON_HANDSHAKE = "{\"protocol\":\"json\",\"version\":1}" + RS;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TestHub hub;

    RawHttp http;

    @BeforeEach
    void client() {
        http = new RawHttp(port);
    }

    @Test
    void longPollingCarriesAHubConnectionOverPollsAndPosts() throws Exception {
        JsonNode negotiated = negotiate("/hubs/test");
        String id = negotiated.path("connectionId").asText();
        String url = "/hubs/test?id=" + negotiated.path("connectionToken").asText();

        Reply first = http.get(url + "&access_token=secret-token&_=1").block(WAIT);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEmpty();
        assertThat(first.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(first.header("Content-Length")).isEqualTo("0");
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache, no-store");
        assertThat(first.header("Pragma")).isEqualTo("no-cache");
        assertThat(first.header("Expires")).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");

        assertThat(http.post(url, JSON_HANDSHAKE).block(WAIT).status()).isEqualTo(200);
        assertThat(pollUntil(url, "\"welcome\"")).startsWith("{}" + RS);

        assertThat(invoke(url, "1", "transportName")).isEqualTo("LongPolling");
        assertThat(invoke(url, "2", "header", "Authorization"))
                .as("the access_token of the first poll became a bearer header").isEqualTo("Bearer secret-token");

        Mono<Reply> held = http.get(url).cache();
        held.subscribe();
        Thread.sleep(200);
        Reply replacing = http.get(url).map(reply -> reply).block(WAIT);
        assertThat(held.block(WAIT).status()).as("a newer poll replaces the held one").isEqualTo(204);
        assertThat(replacing.status()).as("nothing to send: the poll times out empty").isEqualTo(200);
        assertThat(replacing.body()).isEmpty();

        Mono<Reply> waiting = http.get(url).cache();
        waiting.subscribe();
        Thread.sleep(200);
        Reply deleted = http.delete(url).block(WAIT);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(waiting.block(WAIT).status()).as("DELETE ends the waiting poll").isEqualTo(204);
        assertThat(hub.disconnection(id).get(10, TimeUnit.SECONDS)).isEqualTo("clean");

        awaitStatus(() -> http.get(url), 404);
        Reply post = http.post(url, "{\"type\":6}" + RS).block(WAIT);
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.body()).isEqualTo("No Connection with that ID");
    }

    @Test
    void aLongPollingConnectionNoPollCarriesExpires() throws Exception {
        JsonNode negotiated = negotiate("/hubs/test");
        String url = "/hubs/test?id=" + negotiated.path("connectionToken").asText();
        assertThat(http.get(url).block(WAIT).status()).isEqualTo(200);
        assertThat(http.post(url, JSON_HANDSHAKE).block(WAIT).status()).isEqualTo(200);

        assertThat(hub.disconnection(negotiated.path("connectionId").asText()).get(20, TimeUnit.SECONDS))
                .as("no poll within the disconnect timeout").isEqualTo("clean");
        awaitStatus(() -> http.get(url), 404);
    }

    @Test
    void serverSentEventsStreamTheServersMessagesAndTakePosts() throws Exception {
        JsonNode negotiated = negotiate("/hubs/test");
        String id = negotiated.path("connectionId").asText();
        String url = "/hubs/test?id=" + negotiated.path("connectionToken").asText();

        EventStream stream = http.openEventStream(url).block(WAIT);
        try {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.headers().get("Content-Type")).isEqualTo("text/event-stream");
            assertThat(stream.headers().get("Cache-Control")).isEqualTo("no-cache,no-store");
            assertThat(stream.headers().get("Pragma")).isEqualTo("no-cache");
            assertThat(stream.headers().get("Content-Encoding")).isEqualTo("identity");
            assertThat(stream.chunks().blockFirst(WAIT)).as("the priming comment comes at once").isEqualTo(":\r\n");

            assertThat(http.post(url, JSON_HANDSHAKE).block(WAIT).status()).isEqualTo(200);
            assertThat(http.post(url, invocation("1", "transportName")).block(WAIT).status()).isEqualTo(200);
            String text = stream.textUntil("\"invocationId\":\"1\"").block(WAIT);
            assertThat(text).startsWith(":\r\ndata: {}" + RS + "\r\n\r\n")
                    .contains("data: {\"type\":3,\"invocationId\":\"1\",\"result\":\"ServerSentEvents\"}" + RS + "\r\n\r\n");

            Reply second = http.request(HttpMethod.GET, url, Map.of("Accept", "text/event-stream"), null).block(WAIT);
            assertThat(second.status()).as("one stream per connection").isEqualTo(409);
            Reply poll = http.get(url).block(WAIT);
            assertThat(poll.status()).isEqualTo(400);
            assertThat(poll.body()).isEqualTo("Cannot change transports mid-connection");
            Reply delete = http.delete(url).block(WAIT);
            assertThat(delete.status()).isEqualTo(400);
            assertThat(delete.body()).isEqualTo("Cannot terminate this connection using the DELETE endpoint.");
        } finally {
            stream.drop();
        }
        assertThat(hub.disconnection(id).get(10, TimeUnit.SECONDS)).as("dropping the stream ends the connection")
                .isEqualTo("clean");
        awaitStatus(() -> http.post(url, "{\"type\":6}" + RS), 404);
    }

    @Test
    void messagePackIsRefusedOverServerSentEvents() {
        JsonNode negotiated = negotiate("/hubs/test");
        String url = "/hubs/test?id=" + negotiated.path("connectionToken").asText();
        EventStream stream = http.openEventStream(url).block(WAIT);
        try {
            http.post(url, "{\"protocol\":\"messagepack\",\"version\":1}" + RS).block(WAIT);
            String all = stream.chunks().reduce("", String::concat).block(WAIT);
            assertThat(all).as("the handshake error, then the stream ends").isEqualTo(":\r\ndata: {\"error\":\"Cannot use "
                    + "the 'messagepack' protocol on the current transport. The transport does not support 'Binary' "
                    + "transfer format.\"}" + RS + "\r\n\r\n");
        } finally {
            stream.drop();
        }
    }

    @Test
    void anEndpointsCorsPolicyAnswersPreflightsAndOtherEndpointsHaveNone() {
        Map<String, String> preflight = Map.of("Origin", "http://allowed.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "x-requested-with");
        Reply allowed = http.request(HttpMethod.OPTIONS, "/hubs/other/negotiate", preflight, null).block(WAIT);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://allowed.example");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");

        Reply refused = http.request(HttpMethod.OPTIONS, "/hubs/other",
                Map.of("Origin", "http://evil.example", "Access-Control-Request-Method", "GET"), null).block(WAIT);
        assertThat(refused.status()).isEqualTo(403);

        Reply negotiate = http.request(HttpMethod.POST, "/hubs/other/negotiate?negotiateVersion=1",
                Map.of("Origin", "http://allowed.example"), null).block(WAIT);
        assertThat(negotiate.status()).isEqualTo(200);
        assertThat(negotiate.header("Access-Control-Allow-Origin")).isEqualTo("http://allowed.example");

        Reply noPolicy = http.request(HttpMethod.POST, "/hubs/test/negotiate?negotiateVersion=1",
                Map.of("Origin", "http://allowed.example"), null).block(WAIT);
        assertThat(noPolicy.status()).isEqualTo(200);
        assertThat(noPolicy.header("Access-Control-Allow-Origin")).isNull();
    }

    private JsonNode negotiate(String path) {
        Reply reply = http.post(path + "/negotiate?negotiateVersion=1", null).block(WAIT);
        assertThat(reply.status()).isEqualTo(200);
        try {
            return JSON.readTree(reply.body());
        } catch (Exception e) {
            throw new AssertionError(reply.body(), e);
        }
    }

    /** Invokes {@code method} over long polling and returns the completion's result as text. */
    private String invoke(String url, String invocationId, String method, String... args) throws Exception {
        assertThat(http.post(url, invocation(invocationId, method, args)).block(WAIT).status()).isEqualTo(200);
        String body = pollUntil(url, "\"invocationId\":\"" + invocationId + "\"");
        for (String record : body.split(String.valueOf(RS))) {
            JsonNode message = JSON.readTree(record);
            if (message.path("invocationId").asText().equals(invocationId)) {
                return message.path("result").asText();
            }
        }
        throw new AssertionError("no completion " + invocationId + " in " + body);
    }

    private static String invocation(String invocationId, String method, String... args) {
        try {
            return JSON.writeValueAsString(Map.of("type", 1, "invocationId", invocationId, "target", method,
                    "arguments", args)) + RS;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the joined bodies contain {@code expected}; returns them. */
    private String pollUntil(String url, String expected) {
        StringBuilder bodies = new StringBuilder();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!bodies.toString().contains(expected)) {
            assertThat(System.nanoTime()).as("waiting for %s, got %s", expected, bodies).isLessThan(deadline);
            Reply reply = http.get(url).block(WAIT);
            assertThat(reply.status()).as("poll status").isEqualTo(200);
            bodies.append(reply.body());
        }
        return bodies.toString();
    }

    private static void awaitStatus(java.util.function.Supplier<Mono<Reply>> request, int status) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> request.get().block(WAIT).status() == status);
    }
}
