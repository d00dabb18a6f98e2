package io.hubkit.benchmarks.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one scenario measured against one target.
 *
 * @param scenario   {@code connections}, {@code broadcast}, {@code echo}, {@code group} or {@code scale-out}
 * @param target     the target's label ({@code hubkit-json}, {@code stomp}, …)
 * @param server     the server's display name
 * @param parameters the scenario's parameters, printed in the report
 * @param steps      the rate steps (empty for {@code connections})
 * @param memory     memory checkpoints ({@code connections} only)
 * @param headline   the figures the report compares, by name (see {@link Headlines})
 * @param notes      what the reader should know about this run (failures, limits hit)
 * @param error      why the scenario could not run, or {@code null}
 */
public record ScenarioResult(String scenario, String target, String server, Map<String, Object> parameters,
                             List<RateStep> steps, List<MemoryPoint> memory, Map<String, Double> headline,
                             List<String> notes, String error) {

    public ScenarioResult {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        steps = List.copyOf(steps);
        memory = List.copyOf(memory);
        headline = Collections.unmodifiableMap(new LinkedHashMap<>(headline));
        notes = List.copyOf(notes);
    }

    /** A scenario that could not run against {@code target}. */
    public static ScenarioResult failed(String scenario, String target, String server, Map<String, Object> parameters,
                                        String error) {
        return new ScenarioResult(scenario, target, server, parameters, List.of(), List.of(), Map.of(), List.of(), error);
    }

    /** The headline figure {@code name}, or {@code null}. */
    public Double figure(String name) {
        return headline.get(name);
    }
}
