package io.hubkit.samples.chat.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.samples.chat.ChatApplication;
import io.hubkit.spring.test.NodeClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hub's rules through the official SignalR client in Node — alice on JSON, bob on MessagePack:
 * what the page never sends because it validates first (refused names, bad rooms, writing outside
 * one's room, over-long texts, direct-message rules, the rate limit) gets the hub's exact refusal,
 * and the events reach the right people over both protocols. The rate limit is set to a burst of 4
 * with a refill too slow to matter during the test, so the refusal does not depend on timing.
 */
@SpringBootTest(classes = ChatApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"chat.rate-limit.burst=4", "chat.rate-limit.per-second=0.0001"})
class ChatHubRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void theHubEnforcesItsRulesAndDeliversEventsOverBothProtocols() throws Exception {
        JsonNode seen = NodeClient.create().withTimeout(Duration.ofSeconds(90)).run("hub-rules.js",
                "http://127.0.0.1:" + port);

        String nameRule = "HubException: A name is 1 to 24 letters, digits, '_', '.' or '-'.";
        assertThat(seen.path("refusedName").asText()).endsWith(nameRule);
        assertThat(seen.path("missingName").asText()).endsWith(nameRule);

        assertThat(seen.path("online")).isEqualTo(json("[\"alice\",\"bob\"]"));
        assertThat(seen.path("outsideRoom").asText()).isEqualTo(
                "An unexpected error occurred invoking 'sendMessage' on the server. HubException: Join #general to write there.");
        assertThat(seen.path("badRoom").asText()).endsWith(
                "HubException: A room name is 1 to 24 lower-case letters, digits or '-', starting with a letter or digit.");
        assertThat(seen.path("aliceJoined")).isEqualTo(json("{\"room\":\"general\",\"members\":[\"alice\"]}"));
        assertThat(seen.path("foreignHistory").asText()).endsWith("HubException: Join #random to read its history.");

        assertThat(seen.path("bobJoined")).isEqualTo(json("{\"room\":\"general\",\"members\":[\"alice\",\"bob\"]}"));
        assertThat(seen.path("aliceSawJoin")).isEqualTo(json("[\"general\",\"bob\"]"));
        assertThat(seen.path("rooms").get(0)).isEqualTo(json("{\"name\":\"general\",\"members\":2,\"builtIn\":true}"));

        assertThat(seen.path("tooLong").asText()).endsWith("HubException: A message is at most 500 characters.");
        assertThat(seen.path("blank").asText()).endsWith("HubException: Write something first.");
        JsonNode hello = json("{\"room\":\"general\",\"from\":\"alice\",\"to\":null,\"text\":\"hello bob\",\"sentAtIsTime\":true}");
        assertThat(seen.path("bobReceived")).as("a room message over MessagePack").isEqualTo(hello);
        assertThat(seen.path("bobHistory")).isEqualTo(JSON.createArrayNode().add(hello));

        assertThat(seen.path("toSelf").asText()).endsWith("HubException: Direct messages go to someone else.");
        assertThat(seen.path("toNobody").asText()).endsWith("HubException: nobody is not online.");
        JsonNode psst = json("{\"room\":null,\"from\":\"alice\",\"to\":\"bob\",\"text\":\"psst\",\"sentAtIsTime\":true}");
        assertThat(seen.path("bobDirect")).isEqualTo(psst);
        assertThat(seen.path("aliceDirectEcho")).as("the sender's own tabs get it too").isEqualTo(psst);

        assertThat(seen.path("burst").get(0).isNull()).isTrue();
        assertThat(seen.path("burst").get(1).isNull()).isTrue();
        assertThat(seen.path("burst").get(2).asText())
                .endsWith("HubException: You are sending messages too fast; wait a moment.");

        assertThat(seen.path("aliceSawTyping")).isEqualTo(json("[\"general\",\"bob\",true]"));
        assertThat(seen.path("aliceSawLeave")).isEqualTo(json("[\"general\",\"bob\"]"));
        assertThat(seen.path("aliceSawOffline")).isEqualTo(json("[\"bob\"]"));
        assertThat(seen.path("bobGotOwnJoin").asBoolean(true)).as("joining is announced to the others only").isFalse();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
