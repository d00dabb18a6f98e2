package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.report.ClientComparison;
import io.hubkit.benchmarks.report.ReportFiles;
import io.hubkit.benchmarks.report.RunReport;
import io.hubkit.benchmarks.report.ScenarioResult;
import io.hubkit.benchmarks.Progress;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles a {@link RunReport} with the command line and the machine's description, and writes it. */
final class ReportOutput {

    private ReportOutput() {
    }

    static Path write(Path folder, String[] args, Instant started, List<ScenarioResult> results,
                      List<ClientComparison> checks, List<String> notes) throws IOException {
        double seconds = java.time.Duration.between(started, Instant.now()).toMillis() / 1000.0;
        RunReport report = new RunReport(commandLine(args), started.truncatedTo(ChronoUnit.SECONDS).toString(), seconds,
                machine(), results, checks, notes);
        List<Path> written = ReportFiles.write(report, folder);
        Progress.say("report written: " + written);
        return folder.resolve(ReportFiles.MARKDOWN);
    }

    static String commandLine(String[] args) {
        return "java -jar benchmarks/target/benchmarks.jar " + String.join(" ", args);
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            machine.put("memory", Math.round(os.getTotalMemorySize() / 1e9) + " GB");
        }
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("open-file limit", openFileLimit());
        return machine;
    }

    private static String openFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] parts = line.substring("Max open files".length()).trim().split("\\s+");
                    return parts[0];
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }
}
