package io.hubkit.samples.dashboard.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.hubkit.samples.dashboard.DashboardApplication;
import io.hubkit.samples.dashboard.metrics.MetricInfo;
import io.hubkit.samples.dashboard.metrics.Reading;
import io.hubkit.test.HubTestClient;
import io.hubkit.test.HubTestConnection;
import io.hubkit.test.StreamResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard hub through {@link HubTestClient}: the metrics on offer, the overview pushed to every
 * page, the readings pushed to the group watching a metric (and no longer after switching), the chart
 * stream, and the refusal of an unknown metric.
 */
@SpringBootTest(classes = DashboardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dashboard.sample-interval=100ms")
class DashboardHubTest {

    @LocalServerPort
    int port;

    private HubTestClient hubs;

    @BeforeEach
    void client() {
        hubs = HubTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void everyPageGetsTheOverviewAndTheMetricsOnOffer() {
        try (HubTestConnection page = hubs.connect("/hubs/dashboard").start()) {
            page.invoke("metrics").expectResult(new TypeReference<List<MetricInfo>>() { })
                    .satisfies(metrics -> assertThat(metrics).extracting(MetricInfo::key)
                            .containsExactly("heap", "cpu", "threads", "connections", "sent", "received"));
            List<?> overview = page.expectInvocation("overview").argument(0, List.class);
            assertThat(overview).hasSize(6);
        }
    }

    @Test
    void aWatchedMetricsReadingsArePushedToItsWatchers() {
        try (HubTestConnection page = hubs.connect("/hubs/dashboard").start()) {
            page.invoke("watch", "threads").expectResult(MetricInfo.class)
                    .isEqualTo(new MetricInfo("threads", "Live threads", "threads"));
            page.expectInvocation("reading").expectArgument(0, Reading.class)
                    .matches(reading -> reading.metric().equals("threads") && reading.value() > 0, "a thread count");

            page.invoke("watch", "heap").expectResult(MetricInfo.class);
            // the page left the old group before it joined the new one: readings of the old metric
            // that were already on their way come first, then only the new metric's
            Reading reading = page.expectInvocation("reading").argument(0, Reading.class);
            for (int skipped = 0; reading.metric().equals("threads") && skipped < 1000; skipped++) {
                reading = page.expectInvocation("reading").argument(0, Reading.class);
            }
            assertThat(reading.metric()).isEqualTo("heap");
            assertThat(reading.value()).as("MiB of heap in use").isPositive();
            for (int i = 0; i < 3; i++) {
                page.expectInvocation("reading").expectArgument(0, Reading.class)
                        .matches(next -> next.metric().equals("heap"), "a heap reading");
            }
        }
    }

    @Test
    void theChartStreamReplaysRecentReadingsThenGoesOnLive() {
        try (HubTestConnection page = hubs.connect("/hubs/dashboard").start()) {
            StreamResult chart = page.stream("chart", "cpu");
            Reading first = chart.expectNext(Reading.class).value();
            Reading second = chart.expectNext(Reading.class).value();
            Reading third = chart.expectNext(Reading.class).value();
            assertThat(List.of(first, second, third)).allMatch(reading -> reading.metric().equals("cpu"));
            assertThat(second.time()).isGreaterThan(first.time());
            assertThat(third.time()).isGreaterThan(second.time());
            chart.cancel();
        }
    }

    @Test
    void anUnknownMetricIsRefused() {
        try (HubTestConnection page = hubs.connect("/hubs/dashboard").start()) {
            page.invoke("watch", "nope").expectError()
                    .isEqualTo("An unexpected error occurred invoking 'watch' on the server. HubException: Unknown metric 'nope'.");
            page.stream("chart", "nope").expectError().contains("Unknown metric 'nope'.");
        }
    }
}
