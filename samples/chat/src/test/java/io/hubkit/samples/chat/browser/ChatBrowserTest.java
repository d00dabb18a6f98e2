package io.hubkit.samples.chat.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.samples.chat.ChatApplication;
import io.hubkit.spring.test.NodeClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Alice and Bob use the chat page in headless Chromium: history streamed on joining, live messages
 * both ways, markup shown as text, presence, a direct message, a REST-triggered announcement, a
 * typing indicator, and the hub's friendly refusal of a direct message to someone who left. The Node
 * script reports what the pages showed; this test checks it. The screenshot of Bob's page lands in
 * {@code target/screenshots/chat.png}.
 */
@SpringBootTest(classes = ChatApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ChatBrowserTest {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(150);

    @LocalServerPort
    int port;

    @Test
    void twoPeopleChatInTheBrowser() throws Exception {
        Path chromium = Chromium.executable();
        Path screenshot = screenshotDirectory().resolve("chat.png");
        Files.deleteIfExists(screenshot);

        JsonNode seen = NodeClient.create().withTimeout(SCRIPT_TIMEOUT).run("two-pages.js",
                "http://127.0.0.1:" + port, screenshot.toString(), chromium.toString());

        assertThat(seen.path("aliceRoom").asText()).isEqualTo("#general");
        assertThat(seen.path("bobRoom").asText()).isEqualTo("#general");
        assertThat(messages(seen.path("bobHistory")))
                .as("history streamed into Bob's page when he joined")
                .containsExactly("alice: Hi! Anyone around?");
        assertThat(texts(seen.path("aliceMembers"))).containsExactly("alice", "bob");
        assertThat(texts(seen.path("aliceOnline"))).containsExactly("alice", "bob");
        assertThat(seen.path("markup").path("images").asInt(-1)).as("<img> in a message is not rendered").isZero();
        assertThat(seen.path("markup").path("bold").asInt(-1)).as("<b> in a message is not rendered").isZero();
        assertThat(seen.path("markup").path("pwned").asBoolean(true)).as("no script ran").isFalse();
        assertThat(messages(seen.path("bobDirect"))).containsExactly("alice: psst, this one is just for you");
        assertThat(seen.path("announcementStatus").asInt()).isEqualTo(202);
        assertThat(seen.path("bobAnnouncement").asText()).isEqualTo("Announcement: The chat restarts at noon.");
        assertThat(seen.path("bobTyping").asText()).isEqualTo("alice is typing…");
        assertThat(seen.path("offlineDirectError").asText()).isEqualTo("bob is not online.");
        assertThat(messages(seen.path("aliceMessages"))).containsExactly(
                "alice: Hi! Anyone around?",
                "bob: Hey alice, just got here.",
                "alice: <img src=x onerror=\"window.__pwned = true\"><b>not bold</b>",
                "alice: psst, this one is just for you");
        assertThat(texts(seen.path("problems"))).as("errors in the pages' consoles").isEmpty();
        assertThat(screenshot).isRegularFile();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    private static Path screenshotDirectory() {
        String configured = System.getProperty("hubkit.chat.screenshots");
        return configured != null ? Path.of(configured) : Path.of("target", "screenshots").toAbsolutePath();
    }

    private static List<String> messages(JsonNode list) {
        List<String> result = new ArrayList<>();
        list.forEach(message -> result.add(message.path("from").asText() + ": " + message.path("text").asText()));
        return result;
    }

    private static List<String> texts(JsonNode list) {
        List<String> result = new ArrayList<>();
        list.forEach(node -> result.add(node.asText()));
        return result;
    }
}
