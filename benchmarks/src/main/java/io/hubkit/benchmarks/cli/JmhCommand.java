package io.hubkit.benchmarks.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.hubkit.benchmarks.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "jmh", mixinStandardHelpOptions = true,
        description = "Run the JMH micro-benchmarks (protocol parse/write, fan-out, dispatch); writes jmh.json and jmh.md.")
final class JmhCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--include", defaultValue = "io\\.hubkit\\.benchmarks\\.jmh\\..*",
            description = "Regular expression of the benchmarks to run (default: all).")
    String include;

    @Option(names = "--forks", defaultValue = "1", description = "Forked JVMs per benchmark (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--warmup-iterations", description = "Override the benchmarks' warm-up iterations.")
    Integer warmupIterations;

    @Option(names = "--iterations", description = "Override the benchmarks' measurement iterations.")
    Integer iterations;

    @Option(names = "--iteration-seconds", description = "Override the length of every iteration.")
    Double iterationSeconds;

    @Option(names = "--gc", description = "Also measure the bytes allocated per operation (JMH's GC profiler), "
            + "a figure that a loaded machine does not disturb.")
    boolean gc;

    @Override
    public Integer call() throws Exception {
        Progress.quiet(common.quiet);
        Path folder = common.outputFolder(null);
        Files.createDirectories(folder);
        Path json = folder.resolve("jmh.json");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .forks(forks)
                .jvmArgsPrepend("-Xmx1g")
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        if (gc) {
            options.addProfiler(GCProfiler.class);
        }
        if (warmupIterations != null) {
            options.warmupIterations(warmupIterations);
        }
        if (iterations != null) {
            options.measurementIterations(iterations);
        }
        if (iterationSeconds != null) {
            TimeValue time = TimeValue.milliseconds(Math.round(iterationSeconds * 1000));
            options.warmupTime(time).measurementTime(time);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        // the raw results name the JVM by its absolute path; keep the machine's layout out of the report
        String raw = Files.readString(json);
        String javaPath = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(json, raw.replace(String.valueOf(JsonStringEncoder.getInstance().quoteAsString(javaPath)), "java"));
        Path markdown = folder.resolve("jmh.md");
        Files.writeString(markdown, markdown(results));
        System.out.println(markdown);
        return results.isEmpty() ? 1 : 0;
    }

    static String markdown(Collection<RunResult> results) {
        StringBuilder md = new StringBuilder("# HubKit JMH micro-benchmarks\n\n");
        md.append("Average time per operation, one fork, on the shared 2-core development machine (noisy). "
                + "Raw results: `jmh.json`. With `--gc`, the bytes allocated per operation (JMH's GC profiler; "
                + "steady whatever the machine's load).\n\n");
        boolean allocation = results.stream().anyMatch(result -> allocation(result) != null);
        md.append("| benchmark | parameters | score | error (99.9 %) | unit |")
                .append(allocation ? " allocated per operation |\n|---|---|---:|---:|---|---:|\n" : "\n|---|---|---:|---:|---|\n");
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> key(a).compareTo(key(b)));
        for (RunResult result : sorted) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            List<String> params = new ArrayList<>();
            for (String key : result.getParams().getParamsKeys()) {
                params.add(key + "=" + result.getParams().getParam(key));
            }
            md.append("| ").append(name).append(" | ").append(String.join(", ", params)).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", result.getPrimaryResult().getScore())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", result.getPrimaryResult().getScoreError())).append(" | ")
                    .append(result.getPrimaryResult().getScoreUnit()).append(" |");
            if (allocation) {
                Result<?> allocated = allocation(result);
                md.append(allocated == null ? " |" : String.format(Locale.ROOT, " %.0f B |", allocated.getScore()));
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** The bytes allocated per operation, when the GC profiler ran. */
    private static Result<?> allocation(RunResult result) {
        return result.getSecondaryResults().get("gc.alloc.rate.norm");
    }

    private static String key(RunResult result) {
        StringBuilder key = new StringBuilder(result.getParams().getBenchmark());
        for (Map.Entry<String, String> entry : new java.util.TreeMap<>(paramMap(result)).entrySet()) {
            key.append(entry.getKey()).append(entry.getValue());
        }
        return key.toString();
    }

    private static Map<String, String> paramMap(RunResult result) {
        Map<String, String> map = new java.util.HashMap<>();
        for (String key : result.getParams().getParamsKeys()) {
            map.put(key, result.getParams().getParam(key));
        }
        return map;
    }
}
