package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.servers.BenchEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command shares: where things are, the profile, and the load client's shape. */
public final class CommonOptions {

    @Option(names = "--profile", defaultValue = "moderate",
            description = "Sizes of every scenario: smoke, moderate or full (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--out", description = "Folder for the report (default: benchmarks/results, or a sub-folder per scenario command).")
    Path out;

    @Option(names = "--bench-dir", description = "The benchmarks module folder (default: found from the working directory).")
    Path benchDir;

    @Option(names = "--js-dir", description = "The js-clients module folder (default: beside the benchmarks folder).")
    Path jsDir;

    @Option(names = "--server-jvm-opt", description = "A JVM option for the Java servers under test; repeatable "
            + "(default: -Xms256m -Xmx1g -XX:+UseG1GC).")
    List<String> serverJvmOptions = new ArrayList<>();

    @Option(names = "--source-addresses", defaultValue = "4",
            description = "Loopback source addresses (127.0.0.1…) to spread load connections over (default: ${DEFAULT-VALUE}).")
    int sourceAddresses;

    @Option(names = "--connect-parallelism", defaultValue = "128",
            description = "WebSocket handshakes in flight at once (default: ${DEFAULT-VALUE}).")
    int connectParallelism;

    @Option(names = "--warmup-seconds", description = "Override the profile's warm-up per step.")
    Double warmupSeconds;

    @Option(names = "--window-seconds", description = "Override the profile's measurement window per step.")
    Double windowSeconds;

    @Option(names = "--quiet", description = "No progress lines on standard error.")
    boolean quiet;

    private BenchEnvironment environment;

    BenchEnvironment environment() {
        if (environment == null) {
            environment = BenchEnvironment.locate(benchDir, jsDir, null, serverJvmOptions);
        }
        return environment;
    }

    /** {@code --out}, or the environment's results folder plus {@code subFolder} (none when null). */
    Path outputFolder(String subFolder) {
        if (out != null) {
            return out.toAbsolutePath().normalize();
        }
        Path results = environment().outDir();
        return subFolder == null ? results : results.resolve(subFolder);
    }

    Profile profile() {
        return Profile.named(profile);
    }

    Duration warmup(Duration fromProfile) {
        return warmupSeconds == null ? fromProfile : Duration.ofMillis(Math.round(warmupSeconds * 1000));
    }

    Duration window(Duration fromProfile) {
        return windowSeconds == null ? fromProfile : Duration.ofMillis(Math.round(windowSeconds * 1000));
    }
}
