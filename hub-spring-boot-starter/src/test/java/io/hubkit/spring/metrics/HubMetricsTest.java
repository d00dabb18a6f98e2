package io.hubkit.spring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.spring.test.NodeClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real traffic from the official JS client (two WebSocket JSON clients, one WebSocket MessagePack
 * client, one long-polling client), then every HubKit meter read from the application's
 * {@code SimpleMeterRegistry}: connections by transport and protocol (live, while the clients are
 * connected), opened and closed with their reason, messages by type and bytes each way, groups and
 * users, backplane publishes, and the invocation observation's timers.
 */
@SpringBootTest(classes = MetricsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubMetricsTest {

    private static final String HUB = "MeteredHub";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Test
    void realTrafficShowsInEveryMeter() {
        JsonNode seen = NodeClient.create().run("metrics.js", "http://127.0.0.1:" + port);

        assertThat(texts(seen.path("echoes"))).containsExactly("hello", "hello", "hello", "hello");
        assertThat(seen.path("failure").asText()).contains("refused on purpose");
        assertThat(seen.path("streamed").toString()).isEqualTo("[1,2,3]");
        assertThat(texts(seen.path("told"))).containsExactly("hi", "hi");
        assertThat(texts(seen.path("problems"))).as("warnings in the clients' logs").isEmpty();

        Map<String, Double> live = gauges(seen.path("gauges"));
        assertThat(live).as("gauges while the clients were connected").containsEntry(
                "hubkit.connections.active WebSockets json", 2.0)
                .containsEntry("hubkit.connections.active WebSockets messagepack", 1.0)
                .containsEntry("hubkit.connections.active LongPolling json", 1.0)
                .containsEntry("hubkit.groups", 1.0)
                .containsEntry("hubkit.users", 3.0)
                .containsKey("hubkit.outbound.queued");

        await().atMost(WAIT).untilAsserted(() -> assertThat(sum(connections("hubkit.connections.closed"))).isEqualTo(4));
        assertThat(sum(connections("hubkit.connections.closed").tag("transport", "WebSockets").tag("reason", "client_closed")))
                .as("each WebSocket client sent a Close when it stopped").isEqualTo(3);
        // a long-polling client sends its Close and its DELETE at the same time: either may end the connection
        assertThat(registry.find("hubkit.connections.closed").tag("hub", HUB).tag("transport", "LongPolling").counters())
                .extracting(counter -> counter.getId().getTag("reason"))
                .isSubsetOf("client_closed", "client_disconnected");
        assertThat(counter(connections("hubkit.connections.opened", "WebSockets", "json"))).isEqualTo(2);
        assertThat(counter(connections("hubkit.connections.opened", "WebSockets", "messagepack"))).isEqualTo(1);
        assertThat(counter(connections("hubkit.connections.opened", "LongPolling", "json"))).isEqualTo(1);
        assertThat(registry.find("hubkit.connections.active").tag("hub", HUB).gauges())
                .as("every client stopped").hasSize(3).allSatisfy(gauge -> assertThat(gauge.value()).isZero());

        assertThat(counter(connections("hubkit.messages.received", "WebSockets", "json").tag("type", "invocation")))
                .as("ann: echo, fail, join; bob: echo, tellGroup").isEqualTo(5);
        assertThat(counter(connections("hubkit.messages.received", "WebSockets", "json").tag("type", "stream_invocation")))
                .isEqualTo(1);
        assertThat(counter(connections("hubkit.messages.received", "WebSockets", "messagepack").tag("type", "invocation")))
                .isEqualTo(2);
        assertThat(counter(connections("hubkit.messages.received", "LongPolling", "json").tag("type", "invocation")))
                .isEqualTo(1);
        assertThat(sum(connections("hubkit.messages.received").tag("transport", "WebSockets").tag("type", "close")))
                .as("each WebSocket client's Close on stop").isEqualTo(3);
        assertThat(counter(connections("hubkit.messages.sent", "WebSockets", "json")))
                .as("at least: 5 completions, 3 stream items and a stream completion, one group message")
                .isGreaterThanOrEqualTo(10);
        for (String transport : List.of("WebSockets json", "WebSockets messagepack", "LongPolling json")) {
            String[] parts = transport.split(" ");
            assertThat(counter(connections("hubkit.data.received", parts[0], parts[1]))).as(transport).isPositive();
            assertThat(counter(connections("hubkit.data.sent", parts[0], parts[1]))).as(transport).isPositive();
        }
        assertThat(registry.find("hubkit.data.sent").counter().getId().getBaseUnit()).isEqualTo("bytes");

        assertThat(timerCount(registry.find("hubkit.backplane.publish").tag("hub", HUB).tag("backplane", "local")
                .tag("operation", "add_to_group").tag("outcome", "success"))).isEqualTo(2);
        assertThat(timerCount(registry.find("hubkit.backplane.publish").tag("hub", HUB)
                .tag("operation", "send_group").tag("outcome", "success"))).isEqualTo(1);

        assertThat(timerCount(invocations("echo").tag("outcome", "success").tag("streaming", "false"))).isEqualTo(4);
        assertThat(timerCount(invocations("fail").tag("outcome", "error").tag("error", "HubException"))).isEqualTo(1);
        assertThat(timerCount(invocations("countTo").tag("outcome", "success").tag("streaming", "true"))).isEqualTo(1);
        assertThat(timerCount(invocations("join").tag("outcome", "success"))).isEqualTo(2);
        assertThat(registry.find("hubkit.invocations.active").tag("hub", HUB).longTaskTimers())
                .as("nothing still running").allSatisfy(timer -> assertThat(timer.activeTasks()).isZero());
    }

    private Search connections(String name) {
        return registry.find(name).tag("hub", HUB);
    }

    private Search connections(String name, String transport, String protocol) {
        return connections(name).tag("transport", transport).tag("protocol", protocol);
    }

    private Search invocations(String method) {
        return registry.find("hubkit.invocations").tag("hub", HUB).tag("method", method);
    }

    private static double counter(Search search) {
        return sum(search);
    }

    private static double sum(Search search) {
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static long timerCount(Search search) {
        return search.timers().stream().mapToLong(t -> t.count()).sum();
    }

    /** The gauges the script read, keyed by name plus (for connections) transport and protocol. */
    private static Map<String, Double> gauges(JsonNode list) {
        Map<String, Double> values = new HashMap<>();
        for (JsonNode gauge : list) {
            JsonNode tags = gauge.path("tags");
            if (!HUB.equals(tags.path("hub").asText())) {
                continue;
            }
            String key = gauge.path("name").asText();
            if (tags.has("transport")) {
                key += " " + tags.path("transport").asText() + " " + tags.path("protocol").asText();
            }
            values.put(key, gauge.path("value").asDouble());
        }
        return values;
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
