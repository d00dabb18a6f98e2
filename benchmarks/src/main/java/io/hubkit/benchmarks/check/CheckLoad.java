package io.hubkit.benchmarks.check;

/**
 * The load of one check: {@code broadcast} (one sender, every client receives) or {@code echo}
 * (round-robin over the clients), {@code rate} operations per second for {@code seconds}.
 */
public record CheckLoad(String scenario, int clients, int rate, int seconds, int payloadBytes) {

    public CheckLoad {
        if (!scenario.equals("broadcast") && !scenario.equals("echo")) {
            throw new IllegalArgumentException("check scenarios are broadcast and echo");
        }
    }

    /** Deliveries each operation produces. */
    public int deliveriesPerOperation() {
        return scenario.equals("broadcast") ? clients : 1;
    }

    public String describe() {
        return clients + " clients, " + rate + " " + (scenario.equals("broadcast") ? "broadcasts" : "echoes") + "/s, "
                + seconds + " s, " + payloadBytes + " B";
    }
}
