package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.load.Target;
import io.hubkit.benchmarks.report.ScenarioResult;
import io.hubkit.benchmarks.Progress;
import io.hubkit.benchmarks.scenarios.RunContext;
import io.hubkit.benchmarks.servers.BenchEnvironment;
import io.hubkit.benchmarks.servers.ServerKind;
import io.hubkit.benchmarks.servers.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs scenarios against each selected target in turn: starts the target's server (a fresh process
 * per target, so no run inherits another's heap or JIT state), runs the body, stops the server.
 * Only one server runs at a time, so each has the machine to itself and the load client.
 */
final class TargetRunner {

    private TargetRunner() {
    }

    static List<ScenarioResult> runEach(CommonOptions common, TargetOptions targets, List<String> notes,
                                        Function<RunContext, List<ScenarioResult>> body) {
        BenchEnvironment env = common.environment();
        List<ScenarioResult> results = new ArrayList<>();
        for (TargetOptions.Spec spec : targets.specs()) {
            if (targets.url != null) {
                URI uri = targets.url;
                Target target = new Target(spec.kind(), spec.protocol(), uri);
                Progress.say("measuring " + target.label() + " at " + uri);
                results.addAll(body.apply(RunContext.single(target, null, common.sourceAddresses, common.connectParallelism)));
                continue;
            }
            if (spec.kind() == ServerKind.SOCKETIO && !env.socketIoInstalled()) {
                notes.add("socket.io skipped: it is not installed (run `npm ci` in the benchmarks folder, or build without -DskipNpm)");
                continue;
            }
            Progress.say("starting " + spec.kind().displayName() + " for " + spec.label());
            try (ServerProcess server = ServerProcess.start(env, spec.kind(), List.of())) {
                Target target = new Target(spec.kind(), spec.protocol(), server.webSocketUri());
                results.addAll(body.apply(RunContext.single(target, server.pid(), common.sourceAddresses,
                        common.connectParallelism)));
                if (!server.isAlive()) {
                    notes.add(spec.label() + ": the server process died during the run:\n" + server.logTail());
                }
            } catch (IOException e) {
                notes.add(spec.label() + ": the server could not be started: " + e.getMessage());
            }
        }
        return results;
    }
}
