package io.hubkit.benchmarks.scenarios;

/**
 * A set of app servers sharing a backplane, running for one part of the scale-out scenario, and
 * whatever they need (a Redis server). Closing stops what was started for it.
 */
public interface Cluster extends AutoCloseable {

    /** The context that spreads load connections over the cluster's servers. */
    RunContext context();

    @Override
    void close();

    /** Starts (or picks) a cluster of {@code servers} app servers. */
    @FunctionalInterface
    interface Factory {
        Cluster open(int servers) throws Exception;
    }
}
