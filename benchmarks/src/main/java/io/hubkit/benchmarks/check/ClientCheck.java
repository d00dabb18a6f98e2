package io.hubkit.benchmarks.check;

import io.hubkit.benchmarks.load.Target;
import io.hubkit.benchmarks.report.ClientComparison;
import io.hubkit.benchmarks.report.ClientRun;
import io.hubkit.benchmarks.servers.BenchEnvironment;
import java.net.URI;
import java.util.Locale;

/**
 * Runs one check load with both clients against the same HubKit server, one after the other, and
 * judges whether they agree: both complete, both see every expected delivery (within 1 %), and
 * their delivered rates are within 5 % of each other. Latency is reported side by side but not
 * judged (Node's event loop adds its own delay, and one short run is noisy).
 */
public final class ClientCheck {

    private static final double COMPLETE = 0.99;
    private static final double RATE_TOLERANCE = 0.05;

    private ClientCheck() {
    }

    public static ClientComparison run(BenchEnvironment env, Target target, CheckLoad load) {
        ClientRun java = LoadClientRun.run(target, load);
        URI hubUrl = URI.create("http://" + target.uri().getHost() + ":" + target.uri().getPort() + target.uri().getPath());
        ClientRun official = OfficialClientRun.run(env, hubUrl, target.hubProtocol(), load);
        return compare(load, target.hubProtocol(), java, official);
    }

    static ClientComparison compare(CheckLoad load, String protocol, ClientRun java, ClientRun official) {
        String verdict;
        boolean agree;
        if (java.error() != null || official.error() != null) {
            agree = false;
            verdict = "a run failed: " + (java.error() != null ? "load client: " + java.error() : "")
                    + (official.error() != null ? " official client: " + official.error() : "");
        } else if (!complete(java) || !complete(official)) {
            agree = false;
            verdict = String.format(Locale.ROOT, "deliveries missing: load client %d of %d, official client %d of %d",
                    java.delivered(), java.expected(), official.delivered(), official.expected());
        } else {
            double difference = Math.abs(java.deliveredPerSec() - official.deliveredPerSec())
                    / Math.max(java.deliveredPerSec(), official.deliveredPerSec());
            agree = difference <= RATE_TOLERANCE;
            verdict = String.format(Locale.ROOT, "both clients saw every delivery; delivered rates differ by %.1f %%; "
                            + "p50 latency %.2f ms (load client) vs %.2f ms (official client)", 100 * difference,
                    java.latency().p50Ms(), official.latency().p50Ms());
        }
        return new ClientComparison(load.scenario(), protocol, load.describe(), java, official, agree, verdict);
    }

    private static boolean complete(ClientRun run) {
        return run.expected() > 0 && run.delivered() >= COMPLETE * run.expected();
    }
}
