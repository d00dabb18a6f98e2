package io.hubkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.benchmarks.report.Headlines;
import io.hubkit.benchmarks.report.LatencySummary;
import io.hubkit.benchmarks.report.MemoryPoint;
import io.hubkit.benchmarks.report.RateStep;
import io.hubkit.benchmarks.report.ReportFiles;
import io.hubkit.benchmarks.report.RunReport;
import io.hubkit.benchmarks.report.ScenarioResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report from known figures: ratios, verdicts and the JSON round trip. */
class ReportRenderingTest {

    @TempDir
    Path folder;

    private static ScenarioResult broadcast(String target, double delivered, double p99AtHalf) {
        RateStep step = new RateStep("100 clients, 10 broadcasts/s", 100, 1, 10, 1000, delivered, 50, 5000,
                new LatencySummary(5000, 1, 2, 3, 4, 5, 1.5), 3, 0.5, 0.2, 0, true);
        RateStep half = new RateStep("100 clients, 5 broadcasts/s (half of highest sustained)", 100, 1, 5, 500, 500, 25,
                2500, new LatencySummary(2500, 1, 2, p99AtHalf, 4, 5, 1.5), p99AtHalf, 0.3, 0.1, 0, true);
        return new ScenarioResult("broadcast", target, target, Map.of("clients", List.of(100)), List.of(step, half),
                List.of(), Map.of(Headlines.MAX_SUSTAINED_DELIVERED, delivered,
                        Headlines.atClients(Headlines.MAX_SUSTAINED_DELIVERED, 100), delivered,
                        Headlines.P99_AT_HALF_RATE, p99AtHalf,
                        Headlines.atClients(Headlines.P99_AT_HALF_RATE, 100), p99AtHalf), List.of(), null);
    }

    private static ScenarioResult connections(String target, long perConnection) {
        List<MemoryPoint> points = List.of(new MemoryPoint(0, 10_000_000, 0, 50_000_000),
                new MemoryPoint(1000, 10_000_000 + 1000 * perConnection, 0, 60_000_000));
        return new ScenarioResult("connections", target, target, Map.of("connections", 1000), List.of(), points,
                Map.of(Headlines.CONNECTIONS, 1000.0, Headlines.HEAP_DIRECT_PER_CONNECTION, (double) perConnection,
                        Headlines.RSS_PER_CONNECTION, 10_000.0), List.of(), null);
    }

    @Test
    void comparesHubKitWithEachPeerAndTheCeilingAndJudgesTheTargets() throws Exception {
        RunReport report = new RunReport("java -jar benchmarks/target/benchmarks.jar suite", "2026-01-01T00:00:00Z", 12,
                Map.of("cores", 2), List.of(broadcast("hubkit-json", 600_000, 4), broadcast("stomp", 200_000, 9),
                broadcast("netty", 700_000, 2), connections("hubkit-json", 6_000), connections("stomp", 30_000)),
                List.of(), List.of("profile: test"));

        List<Path> written = ReportFiles.write(report, folder);
        String markdown = Files.readString(folder.resolve(ReportFiles.MARKDOWN));

        assertThat(markdown).contains("| broadcast: highest sustained delivered msgs/s | 600,000 | 200,000 | 700,000 | 3.00× / – | 0.86× / – |");
        assertThat(markdown).contains("**met** — broadcast ≥ 500,000 msgs/s delivered: 600,000",
                "**met** — broadcast ≥ 2× Spring STOMP: 3.00×",
                "**met** — broadcast ≥ 80 % of the bare-Netty ceiling: 86 %",
                "**met** — ≤ 8 KB heap + direct per idle connection: 6 KB",
                "**met** — broadcast p99 < 10 ms at half the highest sustained rate: 4 ms");
        assertThat(markdown).contains("| 1000 | 16.0 | 0.0 | 16.0 | 60.0 |");
        assertThat(written).extracting(path -> path.getFileName().toString())
                .contains("report.json", "report.md", "broadcast-throughput.png", "broadcast-latency.png",
                        "memory-per-connection.png");
        assertThat(ReportFiles.read(folder.resolve(ReportFiles.JSON))).isEqualTo(report);
    }

    private static ScenarioResult scaleOut(String target, String server, double groupAt1, double groupAt2) {
        RateStep step = new RateStep("20 clients in 4 groups, 200 sends/s", 20, 1, 200, 1000, groupAt1, 200, 1000,
                new LatencySummary(1000, 1, 2, 3, 4, 5, 1.5), 3, 0.5, 0.2, 0, true);
        Map<String, Double> headline = new LinkedHashMap<>();
        headline.put(Headlines.atServers("broadcastDeliveredPerSec", 1), 2000.0);
        headline.put(Headlines.atServers("groupDeliveredPerSec", 1), groupAt1);
        headline.put(Headlines.atServers("broadcastP99MsAtBest", 1), 7.5);
        headline.put(Headlines.atServers("groupP99MsAtBest", 1), 3.0);
        headline.put(Headlines.atServers("broadcastDeliveredPerSec", 2), null);
        headline.put(Headlines.atServers("groupDeliveredPerSec", 2), groupAt2);
        headline.put(Headlines.atServers("broadcastP99MsAtBest", 2), null);
        headline.put(Headlines.atServers("groupP99MsAtBest", 2), 4.0);
        return new ScenarioResult("scale-out", target, server, Map.of("servers", List.of(1, 2)), List.of(step),
                List.of(), headline, List.of(), null);
    }

    @Test
    void putsTheScaleOutFiguresOfEachBackplaneSideBySide() throws Exception {
        RunReport report = new RunReport("cmd", "2026-01-01T00:00:00Z", 1, Map.of(),
                List.of(scaleOut("hubkit-json", "HubKit on Redis", 1000, 1500),
                        scaleOut("hubkit-json-service", "HubKit through hub-service", 900, 800)), List.of(), List.of());

        List<Path> written = ReportFiles.write(report, folder);
        String markdown = Files.readString(folder.resolve(ReportFiles.MARKDOWN));

        assertThat(markdown).contains("## Scale-out: app servers on each backplane",
                "| hubkit-json | HubKit on Redis | 1 | 2,000 | 7.50 | 1,000 | 3 |",
                "| hubkit-json | HubKit on Redis | 2 | – | – | 1,500 | 4 |",
                "| hubkit-json-service | HubKit through hub-service | 1 | 2,000 | 7.50 | 900 | 3 |",
                "| hubkit-json-service | HubKit through hub-service | 2 | – | – | 800 | 4 |",
                "**met** — scale-out group throughput grows with app servers (1, 2, … servers; hubkit-json, "
                        + "HubKit on Redis): [1,000, 1,500]",
                "**not met** — scale-out group throughput grows with app servers (1, 2, … servers; "
                        + "hubkit-json-service, HubKit through hub-service): [900, 800]");
        assertThat(written).extracting(path -> path.getFileName().toString()).contains("scale-out.png");
    }

    @Test
    void saysWhenATargetIsMissed() throws Exception {
        RunReport report = new RunReport("cmd", "2026-01-01T00:00:00Z", 1, Map.of(),
                List.of(broadcast("hubkit-json", 300_000, 12), broadcast("stomp", 200_000, 9),
                        connections("hubkit-json", 9_500)), List.of(), List.of());

        ReportFiles.write(report, folder);
        String markdown = Files.readString(folder.resolve(ReportFiles.MARKDOWN));

        assertThat(markdown).contains("**not met** — broadcast ≥ 500,000 msgs/s delivered: 300,000",
                "**not met** — broadcast ≥ 2× Spring STOMP: 1.50×",
                "**not met** — ≤ 8 KB heap + direct per idle connection: 9.50 KB",
                "**not met** — broadcast p99 < 10 ms at half the highest sustained rate: 12 ms");
    }
}
