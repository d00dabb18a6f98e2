package io.hubkit.spring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.spring.test.NodeClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official JavaScript client, unmodified, against the starter over every transport and hub
 * protocol it supports (MessagePack is not offered over Server-Sent Events): one Node run per pair
 * exercises every hub feature and a raw connection endpoint, and reports what the client saw; the
 * hub's own records (connect, disconnect, stream cancel) are checked here.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfficialJsClientEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TestHub hub;

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"json, WebSockets", "messagepack, WebSockets", "json, ServerSentEvents", "json, LongPolling",
            "messagepack, LongPolling"})
    void everyHubFeatureWorksWithTheOfficialClient(String protocol, String transport) throws Exception {
        JsonNode r = NodeClient.create().run("e2e.js", "http://127.0.0.1:" + port, protocol, transport);
        boolean webSockets = transport.equals("WebSockets");

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(r.path("welcome").asText()).as("OnConnected sent the connection id")
                .isEqualTo(r.path("connectionId").asText()).hasSize(22);
        soft.assertThat(r.path("wasConnected").asBoolean()).as("OnConnected ran before invocations").isTrue();
        soft.assertThat(r.path("transport").asText()).isEqualTo(transport);
        soft.assertThat(r.path("protocolName").asText()).isEqualTo(protocol);
        soft.assertThat(r.path("userAgentSeen").asText()).as("request headers reach the hub").startsWith("Microsoft SignalR/");

        soft.assertThat(r.path("echo").asText()).isEqualTo("hello");
        soft.assertThat(r.path("add").asInt()).isEqualTo(5);
        soft.assertThat(JSON.convertValue(r.path("person"), Map.class)).isEqualTo(Map.of(
                "name", "Ada", "age", 36, "tags", List.of("math", "engines"),
                "address", Map.of("city", "London", "latitude", 51.5)));
        soft.assertThat(r.path("voidResult").asText()).as("a void method completes with null").isEqualTo("null");
        soft.assertThat(r.path("notified").asText()).as("send ran the hub method").isEqualTo("ping");

        soft.assertThat(ints(r.path("countDown"))).isEqualTo(List.of(3, 2, 1, 0));
        soft.assertThat(r.path("concat").asText()).as("upload stream").isEqualTo("uploaded");
        soft.assertThat(r.path("cancel").path("hubSawCancel").asBoolean()).isTrue();

        soft.assertThat(texts(r.path("groups").path("a"))).as("group messages seen by a").isEqualTo(List.of("m1", "m3"));
        soft.assertThat(texts(r.path("groups").path("b"))).as("group messages seen by b").isEqualTo(List.of("m1", "m2"));
        soft.assertThat(texts(r.path("groups").path("c"))).as("group messages seen by c").isEmpty();
        soft.assertThat(texts(r.path("whoAmI"))).isEqualTo(List.of("alice", "bob", "alice"));
        soft.assertThat(texts(r.path("users").path("a"))).as("user messages seen by alice #1").isEqualTo(List.of("u1"));
        soft.assertThat(texts(r.path("users").path("b"))).as("user messages seen by bob").isEmpty();
        soft.assertThat(texts(r.path("users").path("c"))).as("user messages seen by alice #2").isEqualTo(List.of("u1"));

        soft.assertThat(r.path("clientResult").asText()).isEqualTo("result: 42");
        soft.assertThat(r.path("clientResultWithoutHandler").asText()).isEqualTo("error: Client didn't provide a result.");
        soft.assertThat(r.path("clientResultFromController").asText()).isEqualTo("42");
        soft.assertThat(r.path("broadcastStatus").asInt()).isEqualTo(200);
        soft.assertThat(texts(r.path("broadcast"))).isEqualTo(List.of("to everyone", "to everyone", "to everyone"));

        JsonNode errors = r.path("errors");
        soft.assertThat(errors.path("unknownMethod").asText()).isEqualTo(
                "Failed to invoke 'noSuchMethod' due to an error on the server. HubException: Method does not exist.");
        soft.assertThat(errors.path("plainException").asText()).as("no details without detailed errors").isEqualTo(
                "An unexpected error occurred invoking 'throwPlain' on the server.");
        soft.assertThat(errors.path("hubException").asText()).isEqualTo(
                "An unexpected error occurred invoking 'throwHub' on the server. HubException: told you so");
        soft.assertThat(errors.path("wrongArgumentCount").asText()).isEqualTo(
                "Failed to invoke 'add' due to an error on the server.");
        soft.assertThat(r.path("afterErrors").asText()).isEqualTo("still here");
        soft.assertThat(r.path("filtered").asText()).as("HubFilter beans run in @Order, outermost first")
                .isEqualTo("hub > inner > outer");

        if (webSockets) {
            soft.assertThat(r.path("skipNegotiation").path("echo").asText()).isEqualTo("skipped");
            soft.assertThat(r.path("skipNegotiation").path("welcome").asText()).hasSize(22);
        }
        soft.assertThat(texts(r.path("rawEcho").path("received"))).as("raw endpoint")
                .isEqualTo(List.of("hello over " + transport, "ping 1", "ping 2"));
        soft.assertThat(r.path("rawEcho").path("closeError").isNull()).as("raw endpoint stops cleanly").isTrue();

        soft.assertThat(r.path("closeErrors").toString()).as("every stop() was clean")
                .isEqualTo(webSockets ? "[null,null,null,null]" : "[null,null,null]");
        soft.assertThat(texts(r.path("clientLog"))).as("client warnings and errors")
                .allMatch(line -> line.contains("'nohandlerforthis'"), "is about the missing client handler");
        soft.assertAll();

        assertThat(hub.cancelledStream(r.path("connectionId").asText()).get(10, TimeUnit.SECONDS)).isNull();
        for (JsonNode id : r.path("connectionIds")) {
            assertThat(hub.disconnection(id.asText()).get(10, TimeUnit.SECONDS))
                    .as("OnDisconnected of %s", id.asText()).isEqualTo("clean");
        }
    }

    private static List<String> texts(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private static List<Integer> ints(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, Integer.class));
    }
}
