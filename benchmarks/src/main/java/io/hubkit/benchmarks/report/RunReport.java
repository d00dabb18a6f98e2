package io.hubkit.benchmarks.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the tool: how it was started, on what machine, and everything measured. Written as
 * {@code report.json} and summarised in {@code report.md}.
 *
 * @param command     the exact command line that produced it
 * @param startedAt   ISO-8601 start time
 * @param durationSec wall time of the whole run
 * @param machine     cores, memory, JVM, OS, file limit
 * @param results     one entry per scenario and target
 * @param checks      check-mode comparisons (may be empty)
 * @param notes       run-wide remarks (skipped targets, noise)
 */
public record RunReport(String command, String startedAt, double durationSec, Map<String, Object> machine,
                        List<ScenarioResult> results, List<ClientComparison> checks, List<String> notes) {

    public RunReport {
        machine = Collections.unmodifiableMap(new LinkedHashMap<>(machine));
        results = List.copyOf(results);
        checks = List.copyOf(checks);
        notes = List.copyOf(notes);
    }
}
