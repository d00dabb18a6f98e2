package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.report.ScenarioResult;
import io.hubkit.benchmarks.Progress;
import io.hubkit.benchmarks.scenarios.RunContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One scenario against each selected target; writes its own report to
 * {@code results/<scenario>/} unless {@code --out} says otherwise. Exit code 0 when every target
 * produced a result, 1 otherwise.
 */
abstract class ScenarioCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    TargetOptions targets;

    @Spec
    CommandSpec spec;

    /** The scenario's name and report sub-folder. */
    abstract String scenario();

    /** Runs the scenario against one running target. */
    abstract ScenarioResult run(RunContext context, Profile profile);

    @Override
    public Integer call() throws Exception {
        Progress.quiet(common.quiet);
        Instant started = Instant.now();
        Profile profile = common.profile();
        List<String> notes = new ArrayList<>();
        List<ScenarioResult> results = TargetRunner.runEach(common, targets, notes, context -> {
            Progress.say(scenario() + " against " + context.target().label());
            return List.of(run(context, profile));
        });
        String[] args = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
        System.out.println(ReportOutput.write(common.outputFolder(scenario()), args, started, results, List.of(), notes));
        boolean complete = results.size() == targets.specs().size() && results.stream().allMatch(r -> r.error() == null);
        return complete ? 0 : 1;
    }
}
