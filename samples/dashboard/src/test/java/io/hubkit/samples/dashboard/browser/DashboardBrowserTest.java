package io.hubkit.samples.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubkit.samples.dashboard.DashboardApplication;
import io.hubkit.samples.dashboard.support.Chromium;
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
 * The dashboard page in headless Chromium: the chart of the default metric receives points from the
 * hub's stream and draws them (pixels of the series' colour on its canvas), keeps moving, the tiles
 * show every metric's current value pushed to the overview group, and a click on another tile
 * switches the chart (the page invokes {@code watch}). The screenshot lands in
 * {@code target/screenshots/dashboard.png}.
 */
@SpringBootTest(classes = DashboardApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "dashboard.sample-interval=200ms")
class DashboardBrowserTest {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    @Test
    void theChartReceivesAndDrawsPointsAndFollowsTheWatchedMetric() throws Exception {
        Path screenshot = screenshotDirectory().resolve("dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);

        JsonNode seen = NodeClient.create().withTimeout(SCRIPT_TIMEOUT).run("dashboard-page.js", "http://127.0.0.1:" + port,
                screenshot.toString(), Chromium.executable().toString());

        JsonNode first = seen.path("first");
        assertThat(first.path("metric").asText()).isEqualTo("heap");
        assertThat(first.path("points").asInt()).as("points the chart received").isGreaterThanOrEqualTo(5);
        assertThat(first.path("seriesPixels").asInt()).as("pixels of the drawn series").isGreaterThan(100);
        assertThat(first.path("title").asText()).isEqualTo("Heap used");
        assertThat(seen.path("moved").asBoolean()).as("more points arrived while the page was watched").isTrue();

        JsonNode tiles = seen.path("tiles");
        assertThat(texts(tiles, "metric")).containsExactly("heap", "cpu", "threads", "connections", "sent", "received");
        assertThat(texts(tiles, "value")).as("every tile shows a pushed value").noneMatch(value -> value.equals("–"));

        JsonNode second = seen.path("second");
        assertThat(second.path("metric").asText()).isEqualTo("threads");
        assertThat(second.path("title").asText()).isEqualTo("Live threads");
        assertThat(second.path("pressed").asText()).isEqualTo("threads");
        assertThat(second.path("points").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(second.path("seriesPixels").asInt()).isGreaterThan(100);
        assertThat(second.path("current").asText()).as("the watched metric's pushed reading").endsWith(" threads");

        assertThat(texts(seen.path("problems"))).as("errors in the page's console").isEmpty();
        assertThat(screenshot).isRegularFile();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    private static Path screenshotDirectory() {
        String configured = System.getProperty("hubkit.dashboard.screenshots");
        return configured != null ? Path.of(configured) : Path.of("target", "screenshots").toAbsolutePath();
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> texts = new ArrayList<>();
        list.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
