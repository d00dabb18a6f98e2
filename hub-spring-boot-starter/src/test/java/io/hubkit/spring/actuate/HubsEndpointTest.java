package io.hubkit.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.spring.test.NodeClient;
import io.hubkit.spring.test.RawHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@code hubs} Actuator endpoint and the {@code backplane} health over HTTP: read while two
 * official JS clients are connected and in groups, then again once they left.
 */
@SpringBootTest(classes = ActuatorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoints.web.exposure.include=hubs,health",
                "management.endpoint.health.show-details=always"})
class HubsEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void theEndpointDescribesEachHubWhileClientsAreConnected() {
        JsonNode seen = NodeClient.create().run("inspect.js", "http://127.0.0.1:" + port);

        assertThat(seen.path("hubs").path("status").asInt()).isEqualTo(200);
        JsonNode hubs = seen.path("hubs").path("body").path("hubs");
        assertThat(names(hubs)).containsExactlyInAnyOrder("InspectedHub", "quiet");
        JsonNode inspected = seen.path("inspected").path("body");
        assertThat(seen.path("inspected").path("status").asInt()).isEqualTo(200);
        assertThat(inspected.path("name").asText()).isEqualTo("InspectedHub");
        assertThat(inspected.path("path").asText()).isEqualTo("/hubs/inspected");
        assertThat(texts(inspected.path("transports"))).containsExactly("WebSockets");
        assertThat(texts(inspected.path("protocols"))).containsExactlyInAnyOrder("json", "messagepack");
        assertThat(texts(inspected.path("methods"))).containsExactlyInAnyOrder("join", "echo");
        assertThat(inspected.path("connections").asInt()).isEqualTo(2);
        assertThat(inspected.path("groups").asInt()).as("blue and green").isEqualTo(2);
        assertThat(inspected.path("users").asInt()).isEqualTo(2);
        assertThat(inspected.path("backplane").path("type").asText()).isEqualTo("local");
        assertThat(inspected.path("backplane").path("state").asText()).isEqualTo("UP");
        assertThat(inspected.path("backplane").path("details").path("connections").asInt()).isEqualTo(2);

        JsonNode quiet = find(hubs, "quiet");
        assertThat(quiet.path("path").asText()).isEqualTo("/hubs/quiet");
        assertThat(texts(quiet.path("transports"))).containsExactly("WebSockets", "ServerSentEvents", "LongPolling");
        assertThat(quiet.path("connections").asInt()).isZero();

        JsonNode health = seen.path("health").path("body");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode backplane = health.path("components").path("backplane");
        assertThat(backplane.path("status").asText()).isEqualTo("UP");
        assertThat(backplane.path("details").path("hubs").path("InspectedHub").path("type").asText()).isEqualTo("local");
        assertThat(backplane.path("details").path("hubs").path("quiet").path("state").asText()).isEqualTo("UP");
    }

    @Test
    void anUnknownHubIsNotFound() {
        RawHttp.Reply reply = new RawHttp(port).get("/actuator/hubs/NoSuchHub").block(WAIT);
        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void theHealthIsUpWithoutClients() throws Exception {
        RawHttp.Reply reply = new RawHttp(port).get("/actuator/health/backplane").block(WAIT);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).path("status").asText()).isEqualTo("UP");
    }

    private static JsonNode find(JsonNode hubs, String name) {
        for (JsonNode hub : hubs) {
            if (hub.path("name").asText().equals(name)) {
                return hub;
            }
        }
        throw new AssertionError("No hub " + name + " in " + hubs);
    }

    private static List<String> names(JsonNode hubs) {
        List<String> names = new ArrayList<>();
        hubs.forEach(hub -> names.add(hub.path("name").asText()));
        return names;
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
