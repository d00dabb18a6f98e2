package io.hubkit.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The report's PNG charts (small: 800×450, a few tens of KB each), each written only when the run
 * has data for it:
 * <ul>
 *   <li>{@code broadcast-throughput.png} — highest sustained delivered msgs/s against client count, per target;</li>
 *   <li>{@code broadcast-latency.png} — latency percentiles at half the highest sustained rate, per target;</li>
 *   <li>{@code echo-latency.png} — echo p99 against offered rate, per target;</li>
 *   <li>{@code memory-per-connection.png} — heap + direct and resident bytes per idle connection, per target;</li>
 *   <li>{@code scale-out.png} — delivered msgs/s against app-server count.</li>
 * </ul>
 */
public final class Charts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 450;

    private Charts() {
    }

    /** Writes the charts the report has data for; returns their paths. */
    public static List<Path> write(RunReport report, Path folder) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> written = new ArrayList<>();
        save(broadcastThroughput(report), folder.resolve("broadcast-throughput.png"), written);
        save(broadcastLatency(report), folder.resolve("broadcast-latency.png"), written);
        save(echoLatency(report), folder.resolve("echo-latency.png"), written);
        save(memory(report), folder.resolve("memory-per-connection.png"), written);
        save(scaleOut(report), folder.resolve("scale-out.png"), written);
        return written;
    }

    private static void save(Chart<?, ?> chart, Path file, List<Path> written) throws IOException {
        if (chart == null) {
            return;
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        written.add(file);
    }

    private static XYChart broadcastThroughput(RunReport report) {
        XYChart chart = xy("Broadcast: highest sustained delivery rate", "connected clients", "delivered msgs/s");
        boolean any = false;
        for (ScenarioResult result : scenarios(report, "broadcast")) {
            Map<Integer, Double> byClients = new TreeMap<>();
            result.headline().forEach((name, value) -> {
                String prefix = Headlines.MAX_SUSTAINED_DELIVERED + "@";
                if (name.startsWith(prefix)) {
                    byClients.put(Integer.parseInt(name.substring(prefix.length())), value);
                }
            });
            if (byClients.isEmpty()) {
                continue;
            }
            chart.addSeries(result.target(), toArray(byClients.keySet()), toArray(byClients.values()));
            any = true;
        }
        chart.getStyler().setXAxisLogarithmic(true);
        return any ? chart : null;
    }

    private static CategoryChart broadcastLatency(RunReport report) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Broadcast latency at half the highest sustained rate").xAxisTitle("percentile")
                .yAxisTitle("ms").build();
        style(chart.getStyler());
        List<String> percentiles = List.of("p50", "p90", "p99", "p99.9", "max");
        boolean any = false;
        for (ScenarioResult result : scenarios(report, "broadcast")) {
            RateStep half = halfRateStep(result);
            if (half == null || half.latency().count() == 0) {
                continue;
            }
            LatencySummary l = half.latency();
            chart.addSeries(result.target(), percentiles, List.of(positive(l.p50Ms()), positive(l.p90Ms()),
                    positive(l.p99Ms()), positive(l.p999Ms()), positive(l.maxMs())));
            any = true;
        }
        return any ? chart : null;
    }

    /** The half-rate step of the client count with the best throughput (the one the headline quotes). */
    static RateStep halfRateStep(ScenarioResult result) {
        Double p99 = result.figure(Headlines.P99_AT_HALF_RATE);
        if (p99 == null) {
            return null;
        }
        for (RateStep step : result.steps()) {
            if (step.label().contains("half of highest") && step.latency().p99Ms() == p99) {
                return step;
            }
        }
        return null;
    }

    private static XYChart echoLatency(RunReport report) {
        XYChart chart = xy("Echo: p99 latency against offered rate", "offered echoes/s", "p99 ms (log)");
        chart.getStyler().setYAxisLogarithmic(true);
        boolean any = false;
        double low = Double.MAX_VALUE;
        double high = 0;
        for (ScenarioResult result : scenarios(report, "echo")) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (RateStep step : result.steps()) {
                if (step.latency().count() > 0) {
                    x.add(step.offeredPerSec());
                    y.add(positive(step.latency().p99Ms()));
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            chart.addSeries(result.target(), toArray(x), toArray(y));
            for (double value : y) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
            any = true;
        }
        if (!any) {
            return null;
        }
        // whole decades, so that the logarithmic axis always shows labels
        double bottom = Math.pow(10, Math.floor(Math.log10(low)));
        double top = Math.pow(10, Math.max(Math.ceil(Math.log10(high)), Math.log10(bottom) + 1));
        chart.getStyler().setYAxisMin(bottom);
        chart.getStyler().setYAxisMax(top);
        return chart;
    }

    private static CategoryChart memory(RunReport report) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Memory per idle connection").xAxisTitle("server").yAxisTitle("KB per connection").build();
        style(chart.getStyler());
        List<String> targets = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        for (ScenarioResult result : scenarios(report, "connections")) {
            Double perConnection = result.figure(Headlines.HEAP_DIRECT_PER_CONNECTION);
            Double resident = result.figure(Headlines.RSS_PER_CONNECTION);
            if (perConnection == null || resident == null) {
                continue;
            }
            targets.add(result.target());
            heap.add(perConnection / 1000);
            rss.add(resident / 1000);
        }
        if (targets.isEmpty()) {
            return null;
        }
        chart.addSeries("heap + direct", targets, heap);
        chart.addSeries("resident set", targets, rss);
        return chart;
    }

    private static XYChart scaleOut(RunReport report) {
        XYChart chart = xy("Scale-out: highest sustained delivery rate", "app servers", "delivered msgs/s");
        boolean any = false;
        for (ScenarioResult result : scenarios(report, "scale-out")) {
            for (String part : List.of("broadcastDeliveredPerSec", "groupDeliveredPerSec")) {
                Map<Integer, Double> byServers = new TreeMap<>();
                result.headline().forEach((name, value) -> {
                    if (name.startsWith(part + "@") && value != null) {
                        byServers.put(Integer.parseInt(name.substring(part.length() + 1, name.length() - "servers".length())),
                                value);
                    }
                });
                if (!byServers.isEmpty()) {
                    chart.addSeries(result.target() + " " + part.replace("DeliveredPerSec", ""),
                            toArray(byServers.keySet()), toArray(byServers.values()));
                    any = true;
                }
            }
        }
        return any ? chart : null;
    }

    private static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        return chart;
    }

    private static void style(Styler styler) {
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
        styler.setAntiAlias(true);
    }

    private static List<ScenarioResult> scenarios(RunReport report, String scenario) {
        return report.results().stream().filter(r -> r.scenario().equals(scenario) && r.error() == null).toList();
    }

    private static double positive(double value) {
        return Math.max(value, 0.001);
    }

    private static double[] toArray(java.util.Collection<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).toArray();
    }
}
