package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.check.CheckLoad;
import io.hubkit.benchmarks.check.ClientCheck;
import io.hubkit.benchmarks.load.Target;
import io.hubkit.benchmarks.report.ClientComparison;
import io.hubkit.benchmarks.Progress;
import io.hubkit.benchmarks.servers.BenchEnvironment;
import io.hubkit.benchmarks.servers.ServerKind;
import io.hubkit.benchmarks.servers.ServerProcess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The check mode as the commands run it: one fresh HubKit server, every check load in every protocol. */
final class CheckRun {

    private CheckRun() {
    }

    static List<ClientComparison> run(CommonOptions common, Profile profile, List<String> protocols, List<String> notes) {
        BenchEnvironment env = common.environment();
        List<ClientComparison> checks = new ArrayList<>();
        if (!env.signalrClientInstalled()) {
            notes.add("check skipped: @microsoft/signalr is not installed in " + env.jsDir().getFileName()
                    + " (run `npm ci` there, or build without -DskipNpm)");
            return checks;
        }
        Progress.say("check: starting HubKit");
        try (ServerProcess server = ServerProcess.start(env, ServerKind.HUBKIT, List.of())) {
            for (String protocol : protocols) {
                for (CheckLoad load : profile.checks()) {
                    Target target = new Target(ServerKind.HUBKIT, protocol, server.webSocketUri());
                    ClientComparison comparison = ClientCheck.run(env, target, load);
                    Progress.say("check " + load.scenario() + "/" + protocol + ": " + comparison.verdict());
                    checks.add(comparison);
                }
            }
        } catch (IOException e) {
            notes.add("check: HubKit could not be started: " + e.getMessage());
        }
        return checks;
    }
}
