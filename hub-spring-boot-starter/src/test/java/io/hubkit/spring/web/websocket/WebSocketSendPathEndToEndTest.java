package io.hubkit.spring.web.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.core.context.HubContext;
import io.hubkit.spring.e2e.TestApplication;
import io.hubkit.spring.e2e.TestHub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

/**
 * The WebSocket send path over a real socket: a burst of broadcasts, small and large, leaves in
 * coalesced frames built from the broadcasts' shared buffers (gathering writes, no copy per
 * connection), and the client reads every record intact and in order; the connection keeps none
 * of the upgrade-only request headers.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSocketSendPathEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char RS = '\u001e';
    private static final int BURST = 400;

    @LocalServerPort
    int port;

    @Autowired
    HubContext<TestHub> hub;

    @Test
    void aBurstOfBroadcastsArrivesIntactAndInOrderThroughCoalescedFrames() throws Exception {
        // two sockets, so that each broadcast is a fan-out: its encoding is one direct buffer both share
        try (RawSocket first = RawSocket.open(port); RawSocket second = RawSocket.open(port)) {
            for (int i = 0; i < BURST; i++) {
                // every fifth record is over 1 KB: it travels as its own buffer inside the frame
                hub.clients().all().send("burst", i, padding(i % 5 == 0 ? 3000 : 40)).block(Duration.ofSeconds(10));
            }

            for (RawSocket socket : List.of(first, second)) {
                List<JsonNode> received = new ArrayList<>();
                while (received.size() < BURST) {
                    JsonNode record = socket.next();
                    if (record.path("type").asInt() == 1 && "burst".equals(record.path("target").asText())) {
                        received.add(record);
                    }
                }
                for (int i = 0; i < BURST; i++) {
                    JsonNode arguments = received.get(i).path("arguments");
                    assertThat(arguments.get(0).asInt()).isEqualTo(i);
                    assertThat(arguments.get(1).asText()).isEqualTo(padding(i % 5 == 0 ? 3000 : 40));
                }
                assertThat(socket.frames).as("several records share a frame while the socket is busy")
                        .isLessThan(BURST);
            }
        }
    }

    @Test
    void theConnectionKeepsTheRequestHeadersButNotTheUpgradeOnlyOnes() throws Exception {
        try (RawSocket socket = RawSocket.open(port)) {
            assertThat(socket.invoke("header", "host").path("result").asText()).isEqualTo("127.0.0.1:" + port);
            assertThat(socket.invoke("header", "Sec-WebSocket-Key").path("result").isNull()).isTrue();
            assertThat(socket.invoke("header", "sec-websocket-version").path("result").isNull()).isTrue();
        }
    }

    private static String padding(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    /** A WebSocket client speaking the JSON hub protocol by hand, one record at a time. */
    private static final class RawSocket implements AutoCloseable {

        private final BlockingQueue<String> records = new LinkedBlockingQueue<>();
        private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
        private final Disposable connection;
        private volatile int frames;
        private int invocations;

        private RawSocket(int port) {
            connection = HttpClient.create()
                    .websocket()
                    .uri("ws://127.0.0.1:" + port + "/hubs/test")
                    .handle((in, out) -> {
                        Mono<Void> reading = in.receive().asString(StandardCharsets.UTF_8).doOnNext(text -> {
                            frames++;
                            for (String record : text.split(String.valueOf(RS))) {
                                if (!record.isEmpty()) {
                                    records.add(record);
                                }
                            }
                        }).then();
                        return out.sendString(outbound.asFlux()).then().and(reading);
                    })
                    .subscribe();
        }

        static RawSocket open(int port) throws Exception {
            RawSocket socket = new RawSocket(port);
            socket.outbound.tryEmitNext("{\"protocol\":\"json\",\"version\":1}" + RS);
            assertThat(socket.nextRaw()).isEqualTo("{}");
            socket.frames = 0;
            return socket;
        }

        JsonNode invoke(String target, String argument) throws Exception {
            String id = String.valueOf(++invocations);
            outbound.tryEmitNext(JSON.writeValueAsString(JSON.createObjectNode().put("type", 1).put("invocationId", id)
                    .put("target", target).set("arguments", JSON.createArrayNode().add(argument))) + RS);
            for (;;) {
                JsonNode record = next();
                if (record.path("type").asInt() == 3 && id.equals(record.path("invocationId").asText())) {
                    return record;
                }
            }
        }

        JsonNode next() throws Exception {
            return JSON.readTree(nextRaw());
        }

        private String nextRaw() throws InterruptedException {
            String record = records.poll(30, TimeUnit.SECONDS);
            assertThat(record).as("a record within 30 s").isNotNull();
            return record;
        }

        @Override
        public void close() {
            outbound.tryEmitComplete();
            connection.dispose();
        }
    }
}
