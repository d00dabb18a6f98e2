package io.hubkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubkit.benchmarks.cli.BenchmarkTool;
import io.hubkit.benchmarks.report.ClientComparison;
import io.hubkit.benchmarks.report.ClientRun;
import io.hubkit.benchmarks.report.Headlines;
import io.hubkit.benchmarks.report.RateStep;
import io.hubkit.benchmarks.report.ReportFiles;
import io.hubkit.benchmarks.report.RunReport;
import io.hubkit.benchmarks.report.ScenarioResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole suite at the smoke size — every scenario, every server (HubKit in both protocols,
 * Spring STOMP, socket.io, bare Netty), scale-out on a real Redis and through a real hub service
 * (clients negotiating with the app servers and redirected to it), and the check against the
 * official JS client — each for about a second, so the tool never rots. Asserts that the report is
 * well-formed and that every message sent was delivered; never how fast anything was.
 */
class SuiteSmokeTest {

    private static final List<String> TARGETS = List.of("hubkit-json", "hubkit-messagepack", "stomp", "socketio", "netty");
    private static final List<String> PER_TARGET = List.of("connections", "broadcast", "echo", "group");

    @Test
    void theSmokeSuiteWritesAWellFormedReportOfEveryScenario() throws IOException {
        Path out = Path.of(System.getProperty("hubkit.bench.out", "target/smoke-results"));
        BenchmarkTool.run("suite", "--profile", "smoke", "--out", out.toString(), "--quiet",
                "--server-jvm-opt=-Xmx384m", "--server-jvm-opt=-XX:TieredStopAtLevel=1",
                "--server-jvm-opt=-XX:+UseSerialGC");

        RunReport report = ReportFiles.read(out.resolve(ReportFiles.JSON));
        assertThat(report.notes()).as("run notes").noneMatch(note -> note.contains("could not be started")
                || note.contains("died") || note.contains("skipped"));
        for (String target : TARGETS) {
            for (String scenario : PER_TARGET) {
                ScenarioResult result = find(report, scenario, target);
                assertThat(result.error()).as(scenario + " " + target).isNull();
                assertThat(result.notes()).as(scenario + " " + target + " notes").noneMatch(SuiteSmokeTest::troubled);
                assertThat(result.parameters()).as("parameters are printed").isNotEmpty();
                if (scenario.equals("connections")) {
                    assertThat(result.memory()).hasSize(3);
                    assertThat(result.figure(Headlines.CONNECTIONS)).isEqualTo(40.0);
                    assertThat(result.figure(Headlines.HEAP_DIRECT_PER_CONNECTION)).isNotNull();
                } else {
                    assertEveryStepDelivered(scenario + " " + target, result.steps());
                }
            }
        }
        for (String target : List.of("hubkit-json", "hubkit-json-service")) {
            ScenarioResult scaleOut = find(report, "scale-out", target);
            assertThat(scaleOut.error()).as("scale-out " + target).isNull();
            assertThat(scaleOut.notes()).as("scale-out " + target + " notes").noneMatch(SuiteSmokeTest::troubled);
            assertThat(scaleOut.steps()).extracting(RateStep::servers).contains(1, 2);
            assertEveryStepDelivered("scale-out " + target, scaleOut.steps());
            assertThat(scaleOut.headline()).containsKeys("broadcastDeliveredPerSec@2servers",
                    "groupDeliveredPerSec@2servers", "broadcastP99MsAtBest@2servers", "groupP99MsAtBest@2servers");
        }
        assertThat(find(report, "scale-out", "hubkit-json-service").parameters()).containsEntry("backplane", "hub-service");

        assertThat(report.checks()).hasSize(4);
        for (ClientComparison check : report.checks()) {
            for (ClientRun run : List.of(check.loadClient(), check.officialClient())) {
                assertThat(run.error()).as(check.scenario() + "/" + check.protocol() + " " + run.client()).isNull();
                assertThat(run.expected()).isPositive();
                assertThat(run.delivered()).as(check.scenario() + "/" + check.protocol() + " " + run.client())
                        .isEqualTo(run.expected());
            }
        }

        String markdown = Files.readString(out.resolve(ReportFiles.MARKDOWN));
        assertThat(markdown).contains("java -jar benchmarks/target/benchmarks.jar suite --profile smoke",
                "## Headline figures", "## The issue's targets", "## Check: the load client against the official JavaScript client",
                "## Scale-out: app servers on each backplane", "| hubkit-json-service | HubKit through hub-service | 2 |",
                "| hubkit-json | HubKit on Redis | 2 |");
        for (String target : TARGETS) {
            assertThat(markdown).contains("### broadcast — " + target, "### connections — " + target);
        }
        List<Path> charts = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            files.filter(file -> file.toString().endsWith(".png")).forEach(charts::add);
        }
        assertThat(charts).extracting(path -> path.getFileName().toString()).containsExactlyInAnyOrder(
                "broadcast-throughput.png", "broadcast-latency.png", "echo-latency.png", "memory-per-connection.png",
                "scale-out.png");
        for (Path chart : charts) {
            BufferedImage image = ImageIO.read(chart.toFile());
            assertThat(image).as(chart.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(800);
            assertThat(markdown).contains("(" + chart.getFileName() + ")");
        }
    }

    private static void assertEveryStepDelivered(String what, List<RateStep> steps) {
        assertThat(steps).as(what + " steps").isNotEmpty();
        for (RateStep step : steps) {
            assertThat(step.failures()).as(what + ": " + step.label()).isZero();
            assertThat(step.sent()).as(what + ": " + step.label()).isPositive();
            assertThat(step.delivered()).as(what + ": " + step.label()).isPositive();
            assertThat(step.latency().count()).as(what + ": " + step.label()).isPositive();
        }
    }

    /** Notes that report trouble (lost connections, failures, unconfirmed joins, aborted runs). */
    private static boolean troubled(String note) {
        return note.contains("stopped") || note.contains("failure") || note.contains("lost") || note.contains("only ")
                || note.contains("unavailable") || note.contains("did not report");
    }

    private static ScenarioResult find(RunReport report, String scenario, String target) {
        return report.results().stream()
                .filter(result -> result.scenario().equals(scenario) && result.target().equals(target))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + scenario + " result for " + target + " in " + report.results()));
    }
}
