package io.hubkit.samples.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.spring.test.NodeClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stateful reconnect with the official JS client ({@code withStatefulReconnect()}) over WebSockets,
 * through a proxy that resets the TCP connection twice while the server streams to the client and
 * the client sends to the server: the client resumes the same connection each time (no automatic
 * reconnect, no new connection id, one connected callback) and both sides get every message
 * exactly once, in order.
 */
@SpringBootTest(classes = InteropApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatefulReconnectEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ITEMS = 300;
    private static final int SENDS = 200;
    private static final int PERIOD_MILLIS = 10;

    @LocalServerPort
    int port;

    @Autowired
    StatefulTestHub hub;

    @Test
    void aSocketCutMidStreamLosesAndDuplicatesNothing() throws Exception {
        try (CuttableProxy proxy = new CuttableProxy(port)) {
            CompletableFuture<JsonNode> run = CompletableFuture.supplyAsync(() -> NodeClient.create()
                    .withTimeout(Duration.ofMinutes(2))
                    .run("stateful-reconnect.js", "http://127.0.0.1:" + proxy.port(), String.valueOf(ITEMS),
                            String.valueOf(PERIOD_MILLIS), String.valueOf(SENDS)));

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> proxy.bytesFromServer() > 2_000 || run.isDone());
            int beforeCut = proxy.acceptedConnections();
            proxy.cutAll();
            // the second cut comes once the client has resumed and streams again (the official clients
            // resume once per loss: a loss during the resend itself ends the connection)
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> proxy.acceptedConnections() > beforeCut || run.isDone());
            long resumedAt = proxy.bytesFromServer();
            Awaitility.await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(30))
                    .until(() -> proxy.bytesFromServer() > resumedAt + 1_000 || run.isDone());
            proxy.cutAll();

            JsonNode r = run.get(2, TimeUnit.MINUTES);
            assertThat(ints(r.path("items"))).as("stream items after two cuts")
                    .isEqualTo(IntStream.range(0, ITEMS).boxed().toList());
            assertThat(ints(r.path("recorded"))).as("what the server received")
                    .isEqualTo(IntStream.range(0, SENDS).boxed().toList());
            assertThat(r.path("connectionIdAfter").asText()).isEqualTo(r.path("connectionIdBefore").asText());
            assertThat(r.path("reconnecting").asInt()).as("no automatic reconnect was needed").isZero();
            assertThat(r.path("closeError").isNull()).as("stopped cleanly").isTrue();
            assertThat(proxy.acceptedConnections()).as("the client came back through the proxy").isGreaterThanOrEqualTo(3);
            assertThat(hub.connects).as("one connection, resumed").hasValue(1);
        }
    }

    private static List<Integer> ints(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, Integer.class));
    }
}
