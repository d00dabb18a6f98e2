package io.hubkit.benchmarks.cli;

import io.hubkit.benchmarks.check.CheckLoad;
import io.hubkit.benchmarks.scenarios.BroadcastScenario;
import io.hubkit.benchmarks.scenarios.ConnectionsScenario;
import io.hubkit.benchmarks.scenarios.EchoScenario;
import io.hubkit.benchmarks.scenarios.GroupScenario;
import java.time.Duration;
import java.util.List;

/**
 * Named sizes for every scenario. {@code smoke} runs each scenario for a second or two at a tiny size
 * (the build's test uses it: it proves the tool works, not how fast anything is); {@code moderate}
 * is what the committed report was produced with on the 2-core development machine; {@code full}
 * goes to the file limit and higher rates.
 */
public record Profile(String name, ConnectionsScenario.Params connections, BroadcastScenario.Params broadcast,
                      EchoScenario.Params echo, GroupScenario.Params group, List<Integer> scaleOutServers,
                      BroadcastScenario.Params scaleOutBroadcast, GroupScenario.Params scaleOutGroup,
                      List<CheckLoad> checks) {

    private static final int PAYLOAD = 64;
    /**
     * Scale-out steps of the moderate profile: finer than the single-server ladders (×1.5 rather than ×2
     * above 100,000/s), so that a gain from one more app server is not lost between two steps.
     */
    private static final List<Integer> SCALE_OUT_RATES =
            List.of(25_000, 50_000, 100_000, 150_000, 225_000, 300_000, 450_000, 600_000);

    public static Profile named(String name) {
        return switch (name) {
            case "smoke" -> smoke();
            case "moderate" -> moderate();
            case "full" -> full();
            default -> throw new IllegalArgumentException("Unknown profile '" + name + "'; expected smoke, moderate or full");
        };
    }

    static Profile smoke() {
        Duration warmup = Duration.ofMillis(200);
        Duration window = Duration.ofMillis(600);
        return new Profile("smoke",
                new ConnectionsScenario.Params(40, 2, Duration.ZERO, Duration.ofMillis(200)),
                new BroadcastScenario.Params(List.of(20), List.of(2_000), PAYLOAD, warmup, window, true),
                new EchoScenario.Params(10, List.of(500), PAYLOAD, warmup, window, 10),
                new GroupScenario.Params(40, 10, List.of(2_000), PAYLOAD, warmup, window),
                List.of(1, 2),
                new BroadcastScenario.Params(List.of(20), List.of(2_000), PAYLOAD, warmup, window, false),
                new GroupScenario.Params(20, 5, List.of(1_000), PAYLOAD, warmup, window),
                List.of(new CheckLoad("broadcast", 10, 20, 1, PAYLOAD), new CheckLoad("echo", 5, 100, 1, PAYLOAD)));
    }

    static Profile moderate() {
        Duration warmup = Duration.ofSeconds(2);
        Duration window = Duration.ofSeconds(5);
        return new Profile("moderate",
                new ConnectionsScenario.Params(15_000, 5, Duration.ofSeconds(10), Duration.ofSeconds(1)),
                new BroadcastScenario.Params(List.of(100, 1_000, 5_000),
                        List.of(25_000, 50_000, 100_000, 200_000, 400_000, 800_000, 1_200_000, 1_600_000, 2_400_000),
                        PAYLOAD, warmup, window, true),
                new EchoScenario.Params(100, List.of(1_000, 2_000, 4_000, 8_000, 12_000, 16_000, 24_000, 32_000,
                        48_000, 64_000, 96_000), PAYLOAD, warmup, window, 10),
                new GroupScenario.Params(1_000, 100, List.of(25_000, 50_000, 100_000, 200_000, 400_000, 800_000), PAYLOAD,
                        warmup, window),
                List.of(1, 2, 3),
                new BroadcastScenario.Params(List.of(600), SCALE_OUT_RATES, PAYLOAD, warmup, window, false),
                new GroupScenario.Params(600, 50, SCALE_OUT_RATES, PAYLOAD, warmup, window),
                List.of(new CheckLoad("broadcast", 50, 100, 5, PAYLOAD), new CheckLoad("echo", 20, 1_000, 5, PAYLOAD)));
    }

    static Profile full() {
        Duration warmup = Duration.ofSeconds(3);
        Duration window = Duration.ofSeconds(10);
        return new Profile("full",
                new ConnectionsScenario.Params(ConnectionsScenario.MAX_CONNECTIONS, 10, Duration.ofSeconds(30),
                        Duration.ofSeconds(1)),
                new BroadcastScenario.Params(List.of(100, 1_000, 5_000, 10_000),
                        List.of(25_000, 50_000, 100_000, 200_000, 400_000, 800_000, 1_200_000, 1_600_000, 2_400_000), PAYLOAD,
                        warmup, window, true),
                new EchoScenario.Params(1_000, List.of(1_000, 2_000, 4_000, 8_000, 12_000, 16_000, 24_000, 32_000,
                        48_000, 64_000, 96_000), PAYLOAD, warmup, window, 10),
                new GroupScenario.Params(5_000, 100, List.of(25_000, 50_000, 100_000, 200_000, 400_000, 800_000), PAYLOAD,
                        warmup, window),
                List.of(1, 2, 3),
                new BroadcastScenario.Params(List.of(1_500), List.of(50_000, 100_000, 200_000, 400_000, 800_000), PAYLOAD,
                        warmup, window, false),
                new GroupScenario.Params(1_500, 50, List.of(50_000, 100_000, 200_000, 400_000, 800_000), PAYLOAD, warmup,
                        window),
                List.of(new CheckLoad("broadcast", 100, 100, 10, PAYLOAD), new CheckLoad("echo", 50, 2_000, 10, PAYLOAD)));
    }
}
