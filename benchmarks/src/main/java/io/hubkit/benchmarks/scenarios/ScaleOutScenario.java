package io.hubkit.benchmarks.scenarios;

import io.hubkit.benchmarks.report.Headlines;
import io.hubkit.benchmarks.report.RateStep;
import io.hubkit.benchmarks.report.ScenarioResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code scale-out}: the broadcast and group scenarios with 1, 2, 3 … app servers behind one
 * backplane (Redis, or a hub service in front of them). Clients are spread round-robin over the
 * servers; the broadcast sender is on the first. A server count whose cluster cannot be started is
 * reported as unavailable with the reason, and the others still run. The headline gives, per
 * server count, the highest sustained delivered msgs/s of each part and the p99 latency of that step.
 */
public final class ScaleOutScenario {

    public static final String BROADCAST_DELIVERED = "broadcastDeliveredPerSec";
    public static final String GROUP_DELIVERED = "groupDeliveredPerSec";
    /** p99 latency (ms) of the broadcast step with the highest sustained delivery rate. */
    public static final String BROADCAST_P99 = "broadcastP99MsAtBest";
    /** p99 latency (ms) of the group step with the highest sustained delivery rate. */
    public static final String GROUP_P99 = "groupP99MsAtBest";

    public record Params(String backplane, List<Integer> serverCounts, BroadcastScenario.Params broadcast,
                         GroupScenario.Params group) {

        public Map<String, Object> describe() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("backplane", backplane);
            map.put("servers", serverCounts);
            map.put("broadcast", broadcast.describe());
            map.put("group", group.describe());
            return map;
        }
    }

    /** The cluster warm-up lasts this many of the profile's per-step warm-ups. */
    private static final int CLUSTER_WARMUP_STEPS = 4;

    private ScaleOutScenario() {
    }

    public static ScenarioResult run(String targetLabel, String serverName, Cluster.Factory clusters, Params params) {
        List<RateStep> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Double> headline = new LinkedHashMap<>();
        int available = 0;
        for (int servers : params.serverCounts()) {
            try (Cluster cluster = clusters.open(servers)) {
                available++;
                warmUp(cluster.context(), params.broadcast());
                ScenarioResult broadcast = BroadcastScenario.run("scale-out", cluster.context(), params.broadcast());
                ScenarioResult group = GroupScenario.run("scale-out", cluster.context(), params.group());
                steps.addAll(broadcast.steps());
                steps.addAll(group.steps());
                broadcast.notes().forEach(note -> notes.add(servers + " servers, broadcast: " + note));
                group.notes().forEach(note -> notes.add(servers + " servers, group: " + note));
                headline.put(Headlines.atServers(BROADCAST_DELIVERED, servers),
                        broadcast.figure(Headlines.MAX_SUSTAINED_DELIVERED));
                headline.put(Headlines.atServers(GROUP_DELIVERED, servers),
                        group.figure(Headlines.MAX_SUSTAINED_DELIVERED));
                headline.put(Headlines.atServers(BROADCAST_P99, servers), p99OfBestSustained(broadcast.steps()));
                headline.put(Headlines.atServers(GROUP_P99, servers), p99OfBestSustained(group.steps()));
            } catch (Exception e) {
                notes.add(servers + " servers: unavailable — " + firstLine(e.getMessage()));
            }
        }
        String error = available == 0 ? "no cluster could be started: " + (notes.isEmpty() ? "" : notes.get(0)) : null;
        return new ScenarioResult("scale-out", targetLabel, serverName, params.describe(), steps, List.of(), headline,
                notes, error);
    }

    /**
     * Freshly started servers (and a fresh backplane) compile their hot paths during the first
     * seconds under load, each JVM competing for the same cores: a broadcast at the lowest rate for
     * {@value #CLUSTER_WARMUP_STEPS} step warm-ups, not reported, keeps that out of the first measured step.
     */
    private static void warmUp(RunContext context, BroadcastScenario.Params broadcast) {
        BroadcastScenario.run("scale-out warm-up", context, new BroadcastScenario.Params(broadcast.clients(),
                List.of(broadcast.deliveryRates().get(0)), broadcast.payloadBytes(),
                broadcast.warmup().multipliedBy(CLUSTER_WARMUP_STEPS), broadcast.window(), false));
    }

    /** The p99 (ms) of the sustained step that delivered the most, or null when none was sustained. */
    private static Double p99OfBestSustained(List<RateStep> steps) {
        RateStep best = null;
        for (RateStep step : steps) {
            if (step.sustained() && (best == null || step.deliveredPerSec() > best.deliveredPerSec())) {
                best = step;
            }
        }
        return best == null ? null : best.latency().p99Ms();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "(no message)";
        }
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        return first.length() > 300 ? first.substring(0, 300) + "…" : first;
    }
}
