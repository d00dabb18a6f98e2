package io.hubkit.spring.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.spring.test.NodeClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official JS client against {@code hubkit.limits.*}: two connections per user (a third is
 * refused with its error, a new one admitted once one has gone), a burst of five invocations at a
 * refill rate far too slow to matter during the test (the sixth gets its error and the connection
 * stays open), two concurrent streams per connection (a third is refused until one is cancelled),
 * three groups per connection (a fourth join is refused, joining one again is not), and another
 * user's connection unaffected throughout.
 */
@SpringBootTest(classes = LimitsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hubkit.limits.max-connections-per-user=2", "hubkit.limits.max-connections=10",
                "hubkit.limits.invocations-per-second=0.01", "hubkit.limits.invocation-burst=5",
                "hubkit.limits.max-streams-per-connection=2", "hubkit.limits.max-groups-per-connection=3",
                "hubkit.maximum-parallel-invocations-per-client=10"})
class LimitsEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void limitsRefuseWithTheirErrorsAndSpareOthers() {
        JsonNode seen = NodeClient.create().run("limits.js", "http://127.0.0.1:" + port);

        assertThat(seen.path("thirdConnection").asText()).contains("Too many connections: a user may open 2.");
        assertThat(seen.path("bobAfterRefusal").asText()).isEqualTo("bob");
        JsonNode burst = seen.path("burst");
        for (int i = 0; i < 5; i++) {
            assertThat(burst.get(i).asText()).isEqualTo("call " + i);
        }
        assertThat(burst.get(5).asText()).isEqualTo("error: An unexpected error occurred invoking 'echo' on the server. "
                + "HubException: Too many invocations: the limit is 0.01 per second.");
        assertThat(seen.path("ann1State").asText()).isEqualTo("Connected");
        assertThat(seen.path("bobDuringFlood").asText()).isEqualTo("still here");
        assertThat(seen.path("thirdStream").asText()).isEqualTo("An unexpected error occurred invoking 'ticks' on the server. "
                + "HubException: Too many streams: the limit is 2 per connection.");
        assertThat(seen.path("afterCancel").asText()).isEqualTo("ticking");
        assertThat(seen.path("fourthAfterStop").asText()).isEqualTo("Connected");
        JsonNode joins = seen.path("joins");
        assertThat(joins.get(0).asText()).isEqualTo("joined g1");
        assertThat(joins.get(2).asText()).isEqualTo("joined g3");
        assertThat(joins.get(3).asText()).isEqualTo("error: An unexpected error occurred invoking 'join' on the server. "
                + "HubException: Too many groups: a connection may join 3.");
        assertThat(joins.get(4).asText()).isEqualTo("joined g1");
        assertThat(seen.path("catState").asText()).isEqualTo("Connected");
    }
}
