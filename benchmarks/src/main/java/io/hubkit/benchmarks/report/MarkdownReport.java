package io.hubkit.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link RunReport} as Markdown: the run's command and machine, the headline figures of
 * every target side by side with HubKit's ratios to each peer and to the ceiling (all taken in the
 * same run), the targets marked met or not, then every scenario's parameters and steps, the
 * check mode's comparison, and the charts.
 */
public final class MarkdownReport {

    /** The target whose figures the ratios are taken from (the default protocol). */
    static final String HUBKIT = "hubkit-json";
    static final String HUBKIT_MSGPACK = "hubkit-messagepack";
    static final String STOMP = "stomp";
    static final String SOCKETIO = "socketio";
    static final String CEILING = "netty";

    private MarkdownReport() {
    }

    public static String render(RunReport report, List<String> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# HubKit benchmark report\n\n");
        md.append("Produced by:\n\n```\n").append(report.command()).append("\n```\n\n");
        md.append("Started ").append(report.startedAt()).append(", took ")
                .append(Math.round(report.durationSec())).append(" s. Machine: ");
        List<String> machine = new ArrayList<>();
        report.machine().forEach((key, value) -> machine.add(key + " " + value));
        md.append(String.join(", ", machine)).append(".\n\n");
        md.append("Every server ran as its own process on loopback, one at a time, driven by the HubKit load client "
                + "from another process on the same cores; the machine is shared, so single runs are noisy "
                + "(treat ±15 % as noise) — compare ratios taken within this run.\n\n");
        for (String note : report.notes()) {
            md.append("- ").append(note).append('\n');
        }
        if (!report.notes().isEmpty()) {
            md.append('\n');
        }
        headlineTable(report, md);
        targets(report, md);
        scaleOut(report, md);
        for (String chart : charts) {
            md.append("![").append(chart.replace(".png", "")).append("](").append(chart).append(")\n\n");
        }
        details(report, md);
        checks(report, md);
        return md.toString();
    }

    private record Row(String title, String scenario, String figure, double scale, String unit, boolean lowerIsBetter) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("broadcast: highest sustained delivered msgs/s", "broadcast", Headlines.MAX_SUSTAINED_DELIVERED, 1, "", false),
            new Row("broadcast: p99 at half that rate", "broadcast", Headlines.P99_AT_HALF_RATE, 1, " ms", true),
            new Row("echo: highest rate with p99 < 10 ms", "echo", Headlines.MAX_ECHO_RATE, 1, "/s", false),
            new Row("group: highest sustained delivered msgs/s", "group", Headlines.MAX_SUSTAINED_DELIVERED, 1, "", false),
            new Row("connections: heap + direct per connection", "connections", Headlines.HEAP_DIRECT_PER_CONNECTION, 0.001, " KB", true),
            new Row("connections: resident set per connection", "connections", Headlines.RSS_PER_CONNECTION, 0.001, " KB", true),
            new Row("connections: connect rate", "connections", Headlines.CONNECT_RATE, 1, "/s", false),
            new Row("connections: held", "connections", Headlines.CONNECTIONS, 1, "", false));

    private static void headlineTable(RunReport report, StringBuilder md) {
        List<String> targets = targetsIn(report);
        if (targets.isEmpty()) {
            return;
        }
        md.append("## Headline figures\n\n");
        md.append("Ratios are HubKit ÷ the other server, JSON / MessagePack protocol; for rows marked (lower is better) "
                + "a ratio below 1 favours HubKit.\n\n");
        md.append("| figure |");
        targets.forEach(t -> md.append(' ').append(t).append(" |"));
        List<String> others = new ArrayList<>();
        for (String other : List.of(STOMP, SOCKETIO, CEILING)) {
            if (targets.contains(other) && (targets.contains(HUBKIT) || targets.contains(HUBKIT_MSGPACK))) {
                others.add(other);
                md.append(" HubKit ÷ ").append(other).append(" |");
            }
        }
        md.append("\n|---|");
        targets.forEach(t -> md.append("---:|"));
        others.forEach(t -> md.append("---:|"));
        md.append('\n');
        for (Row row : ROWS) {
            md.append("| ").append(row.title()).append(row.lowerIsBetter() ? " (lower is better)" : "").append(" |");
            boolean any = false;
            for (String target : targets) {
                Double value = figure(report, row.scenario(), target, row.figure());
                any |= value != null;
                md.append(' ').append(value == null ? "–" : number(value * row.scale()) + row.unit()).append(" |");
            }
            for (String other : others) {
                md.append(' ').append(ratio(report, row, HUBKIT, other)).append(" / ")
                        .append(ratio(report, row, HUBKIT_MSGPACK, other)).append(" |");
            }
            md.append('\n');
            if (!any) {
                md.setLength(md.lastIndexOf("| " + row.title()));
            }
        }
        md.append('\n');
    }

    private static String ratio(RunReport report, Row row, String hubkit, String other) {
        Double mine = figure(report, row.scenario(), hubkit, row.figure());
        Double theirs = figure(report, row.scenario(), other, row.figure());
        if (mine == null || theirs == null || theirs == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", mine / theirs);
    }

    private static void targets(RunReport report, StringBuilder md) {
        List<String> lines = new ArrayList<>();
        Double broadcast = best(report, "broadcast", Headlines.MAX_SUSTAINED_DELIVERED);
        if (broadcast != null) {
            lines.add(verdict(broadcast >= 500_000, "broadcast ≥ 500,000 msgs/s delivered: " + number(broadcast)));
            Double stomp = figure(report, "broadcast", STOMP, Headlines.MAX_SUSTAINED_DELIVERED);
            if (stomp != null && stomp > 0) {
                lines.add(verdict(broadcast >= 2 * stomp, "broadcast ≥ 2× Spring STOMP: " + times(broadcast / stomp)));
            }
            Double ceiling = figure(report, "broadcast", CEILING, Headlines.MAX_SUSTAINED_DELIVERED);
            if (ceiling != null && ceiling > 0) {
                lines.add(verdict(broadcast >= 0.8 * ceiling, "broadcast ≥ 80 % of the bare-Netty ceiling: "
                        + String.format(Locale.ROOT, "%.0f %%", 100 * broadcast / ceiling)));
            }
        }
        Double echo = best(report, "echo", Headlines.MAX_ECHO_RATE);
        if (echo != null) {
            Double stomp = figure(report, "echo", STOMP, Headlines.MAX_ECHO_RATE);
            if (stomp != null && stomp > 0) {
                lines.add(verdict(echo >= 2 * stomp, "echo ≥ 2× Spring STOMP at p99 < 10 ms: " + times(echo / stomp)));
            }
            Double socketIo = figure(report, "echo", SOCKETIO, Headlines.MAX_ECHO_RATE);
            if (socketIo != null && socketIo > 0) {
                lines.add(verdict(echo >= 1.5 * socketIo, "echo ≥ 1.5× socket.io at p99 < 10 ms: " + times(echo / socketIo)));
            }
        }
        Double memory = bestLow(report, "connections", Headlines.HEAP_DIRECT_PER_CONNECTION);
        if (memory != null) {
            Double held = best(report, "connections", Headlines.CONNECTIONS);
            lines.add(verdict(memory <= 8000, "≤ 8 KB heap + direct per idle connection: "
                    + number(memory / 1000) + " KB (slope up to " + number(held == null ? 0 : held) + " connections)"));
        }
        Double latency = bestLow(report, "broadcast", Headlines.P99_AT_HALF_RATE);
        if (latency != null) {
            lines.add(verdict(latency < 10, "broadcast p99 < 10 ms at half the highest sustained rate: " + number(latency) + " ms"));
        }
        for (ScenarioResult result : report.results()) {
            if (result.scenario().equals("scale-out") && result.error() == null) {
                Map<String, Double> h = result.headline();
                List<Double> group = new ArrayList<>();
                for (int servers = 1; servers <= 5; servers++) {
                    Double value = h.get(Headlines.atServers("groupDeliveredPerSec", servers));
                    if (value != null) {
                        group.add(value);
                    }
                }
                boolean grows = group.size() > 1;
                for (int i = 1; i < group.size(); i++) {
                    grows &= group.get(i) > group.get(i - 1);
                }
                lines.add(verdict(grows, "scale-out group throughput grows with app servers (1, 2, … servers; "
                        + result.target() + ", " + result.server() + "): "
                        + group.stream().map(MarkdownReport::number).toList()));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        md.append("## The issue's targets (HubKit's better protocol)\n\n");
        lines.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append('\n');
    }

    /**
     * One row per scale-out target (Redis, hub service, …) and server count: the highest sustained
     * broadcast and group delivery rates and the p99 of those steps, so the backplanes sit side by side.
     */
    private static void scaleOut(RunReport report, StringBuilder md) {
        List<ScenarioResult> results = report.results().stream()
                .filter(result -> result.scenario().equals("scale-out"))
                .toList();
        if (results.isEmpty()) {
            return;
        }
        md.append("## Scale-out: app servers on each backplane\n\n");
        md.append("Highest sustained delivered msgs/s and the p99 of that step, per number of app servers.\n\n");
        md.append("| target | servers | app servers | broadcast msgs/s | broadcast p99 ms | group msgs/s | group p99 ms |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult result : results) {
            Map<String, Double> h = result.headline();
            boolean any = false;
            for (int servers = 1; servers <= 16; servers++) {
                String broadcast = Headlines.atServers("broadcastDeliveredPerSec", servers);
                if (!h.containsKey(broadcast)) {
                    continue;
                }
                any = true;
                md.append("| ").append(result.target()).append(" | ").append(result.server()).append(" | ")
                        .append(servers).append(" | ").append(cell(h.get(broadcast))).append(" | ")
                        .append(cell(h.get(Headlines.atServers("broadcastP99MsAtBest", servers)))).append(" | ")
                        .append(cell(h.get(Headlines.atServers("groupDeliveredPerSec", servers)))).append(" | ")
                        .append(cell(h.get(Headlines.atServers("groupP99MsAtBest", servers)))).append(" |\n");
            }
            if (!any) {
                md.append("| ").append(result.target()).append(" | ").append(result.server())
                        .append(" | – | not run | | | |\n");
            }
        }
        md.append('\n');
    }

    private static String cell(Double value) {
        return value == null ? "–" : number(value);
    }

    private static String verdict(boolean met, String text) {
        return (met ? "**met** — " : "**not met** — ") + text;
    }

    private static void details(RunReport report, StringBuilder md) {
        md.append("## Scenarios\n\n");
        md.append("Sustained step: no connection failed, ≥ 95 % of the expected deliveries arrived in the window, and the "
                + "median of the p99s of the window's one-second slices ≤ 250 ms (broadcast, group, scale-out) or ≤ 10 ms "
                + "(echo) — a one-off stall of the shared machine spoils one slice, queueing spoils them all. Stepping "
                + "stops after two unsustained steps in a row, a lost connection, or a step that delivered < 80 % of its "
                + "load. Latency = arrival time − send time written in the payload by the load client; the p50…max "
                + "columns cover the whole window. CPU = cores kept busy on average over the window.\n\n");
        for (ScenarioResult result : report.results()) {
            md.append("### ").append(result.scenario()).append(" — ").append(result.target()).append(" (")
                    .append(result.server()).append(")\n\n");
            md.append("Parameters: `").append(result.parameters()).append("`\n\n");
            if (result.error() != null) {
                md.append("Not run: ").append(result.error()).append("\n\n");
            }
            if (!result.memory().isEmpty()) {
                md.append("| connections | heap MB | direct MB | heap + direct MB | resident MB |\n|---:|---:|---:|---:|---:|\n");
                for (MemoryPoint point : result.memory()) {
                    md.append("| ").append(point.connections()).append(" | ").append(mb(point.heapUsedBytes()))
                            .append(" | ").append(mb(point.directUsedBytes())).append(" | ")
                            .append(mb(point.heapPlusDirectBytes())).append(" | ").append(mb(point.rssBytes()))
                            .append(" |\n");
                }
                md.append('\n');
            }
            if (!result.steps().isEmpty()) {
                md.append("| step | servers | offered/s | expected/s | delivered/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms "
                        + "| p99 of 1-s slices (median) ms | server CPU | client CPU | failures | sustained |\n");
                md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
                for (RateStep step : result.steps()) {
                    LatencySummary l = step.latency();
                    md.append("| ").append(step.label()).append(" | ").append(step.servers()).append(" | ")
                            .append(number(step.offeredPerSec())).append(" | ").append(number(step.expectedPerSec()))
                            .append(" | ").append(number(step.deliveredPerSec())).append(" | ")
                            .append(number(l.p50Ms())).append(" | ").append(number(l.p90Ms())).append(" | ")
                            .append(number(l.p99Ms())).append(" | ").append(number(l.p999Ms())).append(" | ")
                            .append(number(l.maxMs())).append(" | ").append(number(step.sliceP99Ms())).append(" | ")
                            .append(number(step.serverCpuCores())).append(" | ")
                            .append(number(step.clientCpuCores())).append(" | ").append(step.failures()).append(" | ")
                            .append(step.sustained() ? "yes" : "no").append(" |\n");
                }
                md.append('\n');
            }
            if (!result.headline().isEmpty()) {
                md.append("Figures: ");
                List<String> figures = new ArrayList<>();
                result.headline().forEach((name, value) -> figures.add(name + " = " + (value == null ? "–" : number(value))));
                md.append(String.join(", ", figures)).append("\n\n");
            }
            for (String note : result.notes()) {
                md.append("- ").append(note).append('\n');
            }
            if (!result.notes().isEmpty()) {
                md.append('\n');
            }
        }
    }

    private static void checks(RunReport report, StringBuilder md) {
        if (report.checks().isEmpty()) {
            return;
        }
        md.append("## Check: the load client against the official JavaScript client\n\n");
        md.append("The same server and offered load, measured once by the HubKit load client and once by "
                + "`@microsoft/signalr` in Node (each sending and receiving in its own process).\n\n");
        md.append("| scenario | protocol | parameters | client | expected | delivered | delivered/s | p50 ms | p99 ms | agree |\n");
        md.append("|---|---|---|---|---:|---:|---:|---:|---:|---|\n");
        for (ClientComparison check : report.checks()) {
            for (ClientRun run : List.of(check.loadClient(), check.officialClient())) {
                md.append("| ").append(check.scenario()).append(" | ").append(check.protocol()).append(" | ")
                        .append(check.parameters()).append(" | ").append(run.client()).append(" | ")
                        .append(run.expected()).append(" | ").append(run.delivered()).append(" | ")
                        .append(number(run.deliveredPerSec())).append(" | ").append(number(run.latency().p50Ms()))
                        .append(" | ").append(number(run.latency().p99Ms())).append(" | ")
                        .append(check.agree() ? "yes" : "**no**").append(" |\n");
            }
        }
        md.append('\n');
        for (ClientComparison check : report.checks()) {
            md.append("- ").append(check.scenario()).append(" / ").append(check.protocol()).append(": ")
                    .append(check.verdict()).append('\n');
        }
        md.append('\n');
    }

    private static List<String> targetsIn(RunReport report) {
        Set<String> targets = new LinkedHashSet<>();
        for (String preferred : List.of(HUBKIT, HUBKIT_MSGPACK, STOMP, SOCKETIO, CEILING)) {
            for (ScenarioResult result : report.results()) {
                if (result.target().equals(preferred) && !result.scenario().equals("scale-out")) {
                    targets.add(preferred);
                }
            }
        }
        for (ScenarioResult result : report.results()) {
            if (!result.scenario().equals("scale-out")) {
                targets.add(result.target());
            }
        }
        return new ArrayList<>(targets);
    }

    static Double figure(RunReport report, String scenario, String target, String figure) {
        for (ScenarioResult result : report.results()) {
            if (result.scenario().equals(scenario) && result.target().equals(target) && result.error() == null) {
                return result.figure(figure);
            }
        }
        return null;
    }

    private static Double best(RunReport report, String scenario, String figure) {
        Double json = figure(report, scenario, HUBKIT, figure);
        Double msgpack = figure(report, scenario, HUBKIT_MSGPACK, figure);
        if (json == null) {
            return msgpack;
        }
        return msgpack == null ? json : Math.max(json, msgpack);
    }

    private static Double bestLow(RunReport report, String scenario, String figure) {
        Double json = figure(report, scenario, HUBKIT, figure);
        Double msgpack = figure(report, scenario, HUBKIT_MSGPACK, figure);
        if (json == null) {
            return msgpack;
        }
        return msgpack == null ? json : Math.min(json, msgpack);
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }

    /** Thousands separated, up to two decimals below 100. */
    static String number(double value) {
        if (value < 0) {
            return "–";
        }
        if (value >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,d", Math.round(value));
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
