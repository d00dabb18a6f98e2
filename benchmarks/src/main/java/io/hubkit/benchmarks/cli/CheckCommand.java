package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.report.ClientComparison;
import io.hubkit.benchmarks.Progress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run broadcast and echo at an unsaturated size with the HubKit load client and with the official "
                + "JavaScript client, and compare what they measured. Exit code 1 when they disagree.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--protocols", split = ",", defaultValue = "json,messagepack",
            description = "Hub protocols (default: ${DEFAULT-VALUE}).")
    List<String> protocols;

    @Override
    public Integer call() throws Exception {
        Progress.quiet(common.quiet);
        Instant started = Instant.now();
        List<String> notes = new ArrayList<>();
        List<ClientComparison> checks = CheckRun.run(common, common.profile(), protocols, notes);
        String[] original = spec.commandLine().getParseResult().originalArgs().toArray(String[]::new);
        System.out.println(ReportOutput.write(common.outputFolder("check"), original, started, List.of(), checks, notes));
        return !checks.isEmpty() && checks.stream().allMatch(ClientComparison::agree) ? 0 : 1;
    }
}
