package io.hubkit.spring.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.spring.test.NodeClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile raw WebSocket peers (malformed JSON and MessagePack, a 1 GB length prefix, 15 000-deep
 * nesting, bogus ids, a ping flood, a handshake that never comes and one that trickles in) and
 * negotiate requests with garbage parameters (non-numeric, empty, overflowing and repeated
 * {@code negotiateVersion}, odd and repeated {@code useStatefulReconnect}, a 20 000-character
 * query) against one server while the official JS client on it makes 300 calls: every call answers right, the
 * client's connection never drops, each malformed peer is closed by the server, the slowloris peers
 * when the handshake time runs out, and the peers that only sent harmless nonsense are still
 * served until they leave. Each negotiate gets the official server's answer: the non-integer
 * error body (HTTP 200) for a version that is no {@code int} — a repeated one is read joined with
 * commas, as ASP.NET Core reads it — version 1 for the largest {@code int}, stateful reconnect only
 * for a single {@code true} in any case, and 414 for a query beyond the server's request-line limit.
 */
@SpringBootTest(classes = LimitsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hubkit.handshake-timeout=2s", "hubkit.stateful-reconnect.enabled=true"})
class HostileClientsEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void floodsOfBadInputNeverDisturbTheOtherConnection() {
        JsonNode seen = NodeClient.create().run("hostile-clients.js", "http://127.0.0.1:" + port);

        assertThat(seen.path("echoes").path("done").asInt()).isEqualTo(300);
        assertThat(seen.path("echoes").path("wrong")).isEmpty();
        assertThat(seen.path("afterAttacks").asText()).isEqualTo("still connected");
        assertThat(seen.path("officialClosed").isNull()).as("the official client was never disconnected").isTrue();
        assertThat(seen.path("officialState").asText()).isEqualTo("Connected");

        JsonNode attacks = seen.path("attacks");
        for (String closedByServer : new String[] {"malformedJson", "malformedMessagePack", "hugeLengthPrefix",
                "deepNesting", "slowloris", "slowHandshake"}) {
            assertThat(attacks.path(closedByServer).path("closedByServer").asBoolean()).as(closedByServer).isTrue();
        }
        for (String served : new String[] {"bogusIds", "pingFlood"}) {
            assertThat(attacks.path(served).path("closedByServer").asBoolean()).as(served + " left by itself").isFalse();
            assertThat(attacks.path(served).path("frames").asInt()).as(served + " got answers").isPositive();
        }

        JsonNode negotiate = seen.path("negotiate");
        for (String nonInteger : new String[] {"nonNumericVersion", "emptyVersion", "hugeVersion", "repeatedVersion"}) {
            assertThat(negotiate.path(nonInteger).path("status").asInt()).as(nonInteger).isEqualTo(200);
            assertThat(negotiate.path(nonInteger).path("body").toString()).as(nonInteger)
                    .isEqualTo("{\"error\":\"The client requested a non-integer protocol version.\"}");
        }
        assertThat(negotiate.path("largestIntVersion").path("body").path("negotiateVersion").asInt()).isEqualTo(1);
        for (String refused : new String[] {"statefulYes", "statefulRepeated"}) {
            assertThat(negotiate.path(refused).path("body").path("connectionToken").asText()).as(refused).isNotEmpty();
            assertThat(negotiate.path(refused).path("body").has("useStatefulReconnect")).as(refused).isFalse();
        }
        assertThat(negotiate.path("statefulUpperCase").path("body").path("useStatefulReconnect").asBoolean()).isTrue();
        assertThat(negotiate.path("longQuery").path("status").asInt()).isEqualTo(414);
    }
}
