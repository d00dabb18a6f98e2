package io.hubkit.service.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.service.HubServiceApplication;
import io.hubkit.service.testing.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Serverless mode's own hub protocol handling, driven by a hand-written client over a real
 * WebSocket: keep-alive pings and the client timeout, handshake errors, malformed and oversized
 * messages (each ends only its own connection), and an upstream that does not answer in time.
 */
@SpringBootTest(classes = HubServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServerlessProtocolTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    static final UpstreamReceiver upstream = new UpstreamReceiver();

    @DynamicPropertySource
    static void serverless(DynamicPropertyRegistry registry) {
        registry.add("hubkit.service.mode", () -> "serverless");
        registry.add("hubkit.service.serverless.keep-alive-interval", () -> "1s");
        registry.add("hubkit.service.serverless.client-timeout", () -> "4s");
        registry.add("hubkit.service.serverless.max-message-size", () -> "2KB");
        registry.add("hubkit.service.upstream.templates[0].url-template", () -> upstream.baseUrl() + "/{hub}/{category}/{event}");
        registry.add("hubkit.service.upstream.timeout", () -> "2s");
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @LocalServerPort
    int port;

    private RawHubClient connect(String hub) throws Exception {
        return RawHubClient.connect(URI.create("http://localhost:" + port), hub,
                TestTokens.client(TestTokens.DEVELOPMENT_KEY, hub, Map.of("asrs.s.uid", "raw")));
    }

    @Test
    void idleClientsArePingedAndClientsThatFallSilentAreTimedOut() throws Exception {
        try (RawHubClient client = connect("silent")) {
            client.send("{\"protocol\":\"json\",\"version\":1}");
            assertThat(client.next(WAIT)).isEqualTo("{}");
            assertThat(client.next(WAIT)).as("a keep-alive ping").isEqualTo("{\"type\":6}");
            // one ping starts the client timeout (as in ASP.NET Core); then silence closes the connection
            client.send("{\"type\":6}");
            assertThat(client.nextNonPing(WAIT)).isEqualTo("{\"type\":7,\"error\":\"Connection closed with an error.\"}");
            assertThat(client.next(WAIT)).isEqualTo(RawHubClient.CLOSED);
            UpstreamReceiver.Received disconnected = upstream.await(r -> r.path().equals("/silent/connections/disconnected")
                    && client.connectionId.equals(r.header(UpstreamClient.CONNECTION_ID)), "the disconnected event");
            assertThat(disconnected.text()).contains("\"type\":11").contains("ClientTimeoutInterval");
        }
    }

    @Test
    void clientsThatPingStayConnected() throws Exception {
        try (RawHubClient client = connect("pinging")) {
            client.send("{\"protocol\":\"json\",\"version\":1}");
            assertThat(client.next(WAIT)).isEqualTo("{}");
            for (int i = 0; i < 6; i++) { // a little longer than the client timeout in all
                client.send("{\"type\":6}");
                Thread.sleep(1000);
            }
            client.send("{\"type\":1,\"target\":\"still\",\"arguments\":[]}");
            upstream.await(r -> r.path().equals("/pinging/messages/still"), "the invocation of a pinging client");
        }
    }

    @Test
    void handshakeErrorsAreAnsweredThenTheConnectionEnds() throws Exception {
        try (RawHubClient client = connect("handshake")) {
            client.send("{\"protocol\":\"nope\",\"version\":1}");
            assertThat(client.next(WAIT)).isEqualTo("{\"error\":\"The protocol 'nope' is not supported.\"}");
            assertThat(client.next(WAIT)).isEqualTo(RawHubClient.CLOSED);
        }
        try (RawHubClient client = connect("handshake")) {
            client.send("{\"protocol\":\"json\",\"version\":99}");
            assertThat(client.next(WAIT)).isEqualTo("{\"error\":\"The server does not support version 99 of the 'json' protocol.\"}");
        }
        try (RawHubClient client = connect("handshake")) {
            client.send("not json at all");
            assertThat(client.next(WAIT)).startsWith("{\"error\":\"An unexpected error occurred during connection handshake.");
        }
    }

    @Test
    void badMessagesEndOnlyTheirOwnConnection() throws Exception {
        try (RawHubClient good = connect("bad"); RawHubClient malformed = connect("bad"); RawHubClient huge = connect("bad")) {
            for (RawHubClient client : new RawHubClient[] {good, malformed, huge}) {
                client.send("{\"protocol\":\"json\",\"version\":1}");
                assertThat(client.next(WAIT)).isEqualTo("{}");
            }
            malformed.send("{\"type\":1,\"target\":");
            assertThat(malformed.nextNonPing(WAIT)).isEqualTo("{\"type\":7,\"error\":\"Connection closed with an error.\"}");
            huge.send("{\"type\":1,\"target\":\"big\",\"arguments\":[\"" + "x".repeat(4096) + "\"]}");
            assertThat(huge.nextNonPing(WAIT)).isEqualTo("{\"type\":7,\"error\":\"Connection closed with an error.\"}");
            assertThat(upstream.received()).noneMatch(r -> r.path().equals("/bad/messages/big"));

            good.send("{\"type\":1,\"target\":\"fine\",\"arguments\":[1]}");
            upstream.await(r -> r.path().equals("/bad/messages/fine")
                    && good.connectionId.equals(r.header(UpstreamClient.CONNECTION_ID)), "the good client's invocation");
        }
    }

    @Test
    void anUpstreamThatDoesNotAnswerInTimeFailsTheInvocationOnly() throws Exception {
        upstream.respondWith(request -> {
            if (request.path().endsWith("/slow")) {
                sleep(Duration.ofSeconds(4));
            }
            return UpstreamReceiver.Answer.ok();
        });
        try (RawHubClient client = connect("slowhub")) {
            client.send("{\"protocol\":\"json\",\"version\":1}");
            assertThat(client.next(WAIT)).isEqualTo("{}");
            client.send("{\"type\":1,\"invocationId\":\"1\",\"target\":\"slow\",\"arguments\":[]}");
            assertThat(client.nextNonPing(WAIT))
                    .isEqualTo("{\"type\":3,\"invocationId\":\"1\",\"error\":\"Invocation failed, status code 500\"}");
            client.send("{\"type\":1,\"invocationId\":\"2\",\"target\":\"quick\",\"arguments\":[]}");
            assertThat(client.nextNonPing(WAIT)).isEqualTo("{\"type\":3,\"invocationId\":\"2\"}");
        } finally {
            upstream.respondWith(request -> UpstreamReceiver.Answer.ok());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
