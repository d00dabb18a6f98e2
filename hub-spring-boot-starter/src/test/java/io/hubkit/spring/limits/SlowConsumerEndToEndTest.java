package io.hubkit.spring.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.spring.test.NodeClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A slow consumer: a raw WebSocket peer in a group stops reading while 3 000 messages of 8 KB are
 * broadcast to the group in rounds of 100 (24 MB, far more than the socket buffers and an outbound
 * queue of 300 hold; each round starts once the official client has read the one before).
 * The server closes that peer by its outbound-queue policy — it never gets most of the broadcast —
 * while the official JS client in the same group receives every message in order and stays
 * connected.
 */
@SpringBootTest(classes = LimitsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hubkit.outbound-queue-capacity=300")
class SlowConsumerEndToEndTest {

    private static final int MESSAGES = 3000;

    @LocalServerPort
    int port;

    @Test
    void aClientThatStopsReadingIsClosedAndTheOthersKeepReceiving() {
        JsonNode seen = NodeClient.create().withTimeout(Duration.ofSeconds(120)).run("slow-consumer.js", "http://127.0.0.1:" + port, String.valueOf(MESSAGES));

        assertThat(seen.path("flooded").asInt()).isEqualTo(MESSAGES);
        assertThat(seen.path("received").asInt()).isEqualTo(MESSAGES);
        assertThat(seen.path("outOfOrder").asInt()).isZero();
        assertThat(seen.path("slowClosed").isObject()).as("the slow peer was closed").isTrue();
        // the handshake answer, the join's completion, and at most what fit in transit before the close
        assertThat(seen.path("slowRecords").asInt()).as("messages the slow peer got").isLessThan(MESSAGES / 2);
        assertThat(seen.path("afterFlood").asText()).isEqualTo("still here");
        assertThat(seen.path("officialClosed").isNull()).as("the official client was never disconnected").isTrue();
        assertThat(seen.path("officialState").asText()).isEqualTo("Connected");
    }
}
