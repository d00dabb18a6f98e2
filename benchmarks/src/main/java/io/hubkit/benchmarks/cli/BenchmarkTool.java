package io.hubkit.benchmarks.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The load tool's entry point: {@code java -jar benchmarks/target/benchmarks.jar <command> [options]}.
 * See the benchmarks README for one command per scenario and one for the whole suite.
 */
@Command(name = "benchmarks.jar", mixinStandardHelpOptions = true,
        description = "HubKit's benchmarks: scenarios against HubKit, Spring STOMP, socket.io and bare Reactor Netty, "
                + "the check against the official JS client, JMH micro-benchmarks, and the report.",
        subcommands = {ConnectionsCommand.class, BroadcastCommand.class, EchoCommand.class, GroupCommand.class,
                ScaleOutCommand.class, CheckCommand.class, SuiteCommand.class, JmhCommand.class})
public final class BenchmarkTool implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code (0 = everything ran and agreed). */
    public static int run(String... args) {
        System.setProperty("java.awt.headless", "true");
        return new CommandLine(new BenchmarkTool()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
