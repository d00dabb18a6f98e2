package io.hubkit.benchmarks.load;

/**
 * Told about everything the load connections receive. Called concurrently from the client's event
 * loops: implementations must be thread-safe and quick (no blocking, no locks held for long).
 */
public interface LoadListener {

    /** A benchmark payload of {@code kind}, sent at {@code sentNanos} ({@link System#nanoTime()}), arrived. */
    void delivered(DeliveryKind kind, long sentNanos);

    /** A request to join a group was confirmed by the server. */
    void joined();

    /** A connection reported an error or was closed by the server. */
    void failed(String reason);
}
