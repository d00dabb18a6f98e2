package io.hubkit.service.serverless;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.core.protocol.BinaryMessageFraming;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.InvocationBinder;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.JsonHubProtocol;
import io.hubkit.core.protocol.MessagePackHubProtocol;
import io.hubkit.service.HubServiceApplication;
import io.hubkit.service.rest.RestCalls;
import io.hubkit.service.testing.TestTokens;
import io.hubkit.spring.test.NodeClient;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Serverless mode end to end: official JavaScript clients (JSON and MessagePack, each transport)
 * connect to the service itself; their connect, invocations and disconnect reach a real upstream
 * HTTP server with Azure's headers and signatures; an invocation is answered by the upstream's
 * response body, a failing upstream gives the documented error; sends through the REST API (group
 * via user membership, user, connection, group via connection membership, broadcast) reach them.
 */
@SpringBootTest(classes = HubServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServerlessEndToEndTest {

    static final String KEY_1 = "first-access-key-0123456789ABCDEFGHIJKLMNOP";
    static final String KEY_2 = "second-access-key-0123456789ABCDEFGHIJKLMNO";
    private static final String API = "?api-version=2022-06-01";

    static final UpstreamReceiver upstream = new UpstreamReceiver();
    static final UpstreamReceiver echoUpstream = new UpstreamReceiver();

    @DynamicPropertySource
    static void serverless(DynamicPropertyRegistry registry) {
        registry.add("hubkit.service.mode", () -> "serverless");
        registry.add("hubkit.service.access-keys", () -> KEY_1 + "," + KEY_2);
        // ordered templates: 'echo' invocations go to the first, everything else to the second
        registry.add("hubkit.service.upstream.templates[0].url-template", () -> echoUpstream.baseUrl() + "/echo/{hub}/{event}");
        registry.add("hubkit.service.upstream.templates[0].category-pattern", () -> "messages");
        registry.add("hubkit.service.upstream.templates[0].event-pattern", () -> "echo");
        registry.add("hubkit.service.upstream.templates[1].url-template",
                () -> upstream.baseUrl() + "/upstream/{hub}/{category}/{event}");
        registry.add("hubkit.service.upstream.timeout", () -> "10s");
    }

    @AfterAll
    static void stopUpstreams() {
        upstream.close();
        echoUpstream.close();
    }

    @LocalServerPort
    int port;

    private final NodeClient node = NodeClient.create();

    @ParameterizedTest
    @CsvSource({"WebSockets,json", "ServerSentEvents,json", "LongPolling,json", "WebSockets,messagepack",
            "LongPolling,messagepack"})
    void clientsTalkToTheUpstreamAndHearTheRestApi(String transport, String protocol) throws Exception {
        String hub = ("sl" + transport + protocol).toLowerCase();
        String user = "user-" + hub;
        HubProtocol hubProtocol = protocol.equals("json") ? new JsonHubProtocol() : new MessagePackHubProtocol();
        echoUpstream.respondWith(request -> echoAnswer(request, hubProtocol));
        upstream.respondWith(request -> request.path().endsWith("/fail")
                ? new UpstreamReceiver.Answer(500, new byte[0]) : UpstreamReceiver.Answer.ok());
        URI service = URI.create("http://localhost:" + port);
        RestCalls rest = new RestCalls(service, KEY_2);
        String token = TestTokens.client(KEY_1, hub, Map.of("asrs.s.uid", user, "role", "tester"));

        CompletableFuture<JsonNode> run = CompletableFuture.supplyAsync(() -> node.run("serverless-client.js",
                service.toString(), hub, token, transport, protocol, "5"));

        UpstreamReceiver.Received connected = upstream.await(r -> r.path().equals("/upstream/" + hub + "/connections/connected"),
                "the connected event of hub " + hub);
        String connectionId = connected.header(UpstreamClient.CONNECTION_ID);
        assertThat(connected.header(UpstreamClient.HUB)).isEqualTo(hub);
        assertThat(connected.header(UpstreamClient.CATEGORY)).isEqualTo("connections");
        assertThat(connected.header(UpstreamClient.EVENT)).isEqualTo("connected");
        assertThat(connected.header(UpstreamClient.USER_ID)).isEqualTo(user);
        assertThat(connected.header(UpstreamClient.USER_CLAIMS)).contains("asrs.s.uid: " + user).contains("role: tester");
        assertThat(connected.header(UpstreamClient.CLIENT_QUERY)).contains("hub=" + hub).doesNotContain("access_token");
        assertThat(connected.header("content-type")).startsWith("application/json");
        assertThat(connected.text()).isEqualTo("{\"type\":10}");
        assertSignedWithBothKeys(connected.header(UpstreamClient.SIGNATURE), connectionId);

        // the user joins a group, its connection another one; then every kind of send
        assertThat(rest.call("PUT", "/api/hubs/" + hub + "/users/" + user + "/groups/by-user" + API).statusCode()).isEqualTo(200);
        assertThat(rest.call("PUT", "/api/hubs/" + hub + "/groups/by-connection/connections/" + connectionId + API)
                .statusCode()).isEqualTo(200);
        assertThat(rest.call("HEAD", "/api/hubs/" + hub + "/users/" + user + "/groups/by-user" + API).statusCode()).isEqualTo(200);
        assertThat(rest.send("/api/hubs/" + hub + "/groups/by-user/:send" + API, "message", "[\"group by user\"]")
                .statusCode()).isEqualTo(202);
        assertThat(rest.send("/api/hubs/" + hub + "/users/" + user + "/:send" + API, "message", "[\"to the user\", 1]")
                .statusCode()).isEqualTo(202);
        assertThat(rest.send("/api/hubs/" + hub + "/connections/" + connectionId + "/:send" + API, "Message",
                "[\"to the connection\"]").statusCode()).isEqualTo(202);
        assertThat(rest.send("/api/v1/hubs/" + hub + "/groups/by-connection", "message", "[\"group by connection\"]")
                .statusCode()).isEqualTo(202);
        assertThat(rest.send("/api/hubs/" + hub + "/:send" + API, "message", "[\"to everyone\", {\"n\": 2}]")
                .statusCode()).isEqualTo(202);

        JsonNode result = run.get(90, TimeUnit.SECONDS);
        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("connectionId").asText()).isEqualTo(connectionId);
        assertThat(result.path("echo").asText()).isEqualTo("echo:hi:42");
        assertThat(result.path("failError").asText()).isEqualTo("Invocation failed, status code 500");
        assertThat(result.path("messages").toString()).isEqualTo(
                "[[\"group by user\"],[\"to the user\",1],[\"to the connection\"],[\"group by connection\"],"
                        + "[\"to everyone\",{\"n\":2}]]");
        assertThat(result.path("state").asText()).isEqualTo("Disconnected");

        // the invocations reached the upstreams as the client encoded them, without framing
        UpstreamReceiver.Received echo = echoUpstream.await(r -> r.path().equals("/echo/" + hub + "/echo"), "echo");
        assertThat(echo.header(UpstreamClient.CATEGORY)).isEqualTo("messages");
        assertThat(echo.header("content-type")).isEqualTo(protocol.equals("json") ? "application/json" : "application/x-msgpack");
        InvocationMessage invocation = (InvocationMessage) parse(hubProtocol, echo.body(), 2);
        assertThat(invocation.target()).isEqualTo("echo");
        assertThat(invocation.arguments()).containsExactly("hi", 42);
        UpstreamReceiver.Received notify = upstream.await(r -> r.path().equals("/upstream/" + hub + "/messages/notify"),
                "notify");
        InvocationMessage notification = (InvocationMessage) parse(hubProtocol, notify.body(), 1);
        assertThat(notification.invocationId()).isNull();
        assertThat(notification.arguments().get(0)).isEqualTo(Map.of("text", "fire and forget"));
        assertSignedWithBothKeys(notify.header(UpstreamClient.SIGNATURE), connectionId);
        assertThat(upstream.received()).noneMatch(r -> r.path().equals("/upstream/" + hub + "/messages/echo"));

        UpstreamReceiver.Received disconnected = upstream.await(
                r -> r.path().equals("/upstream/" + hub + "/connections/disconnected"), "the disconnected event");
        assertThat(disconnected.header(UpstreamClient.CONNECTION_ID)).isEqualTo(connectionId);
        assertThat(disconnected.text()).isEqualTo("{\"type\":11}");
        assertThat(rest.call("HEAD", "/api/hubs/" + hub + "/connections/" + connectionId + API).statusCode()).isEqualTo(404);
    }

    /** The echo upstream answers with a completion framed in the client's protocol. */
    private static UpstreamReceiver.Answer echoAnswer(UpstreamReceiver.Received request, HubProtocol protocol) {
        InvocationMessage invocation = (InvocationMessage) parse(protocol, request.body(), 2);
        byte[] completion = protocol.writeMessage(CompletionMessage.withResult(invocation.invocationId(),
                "echo:" + invocation.arguments().get(0) + ":" + invocation.arguments().get(1)));
        return new UpstreamReceiver.Answer(200, completion);
    }

    private static void assertSignedWithBothKeys(String header, String connectionId) {
        assertThat(header).isNotNull();
        List<String> values = List.of(header.split(","));
        assertThat(values).hasSize(2);
        assertThat(values.get(0)).isEqualToIgnoringCase(UpstreamSignature.of(connectionId, KEY_1));
        assertThat(values.get(1)).isEqualToIgnoringCase(UpstreamSignature.of(connectionId, KEY_2));
    }

    /** Parses an unframed record (the upstream body) with {@code arguments} untyped arguments. */
    static HubMessage parse(HubProtocol protocol, byte[] unframed, int arguments) {
        byte[] framed = protocol instanceof JsonHubProtocol
                ? io.hubkit.core.protocol.TextMessageFraming.frame(unframed) : BinaryMessageFraming.frame(unframed);
        return protocol.parseMessage(ByteBuffer.wrap(framed), new InvocationBinder() {
            @Override
            public List<Type> parameterTypes(String target) {
                return Collections.nCopies(arguments, Object.class);
            }

            @Override
            public Type returnType(String invocationId) {
                return Object.class;
            }

            @Override
            public Type streamItemType(String streamId) {
                return Object.class;
            }
        });
    }
}
