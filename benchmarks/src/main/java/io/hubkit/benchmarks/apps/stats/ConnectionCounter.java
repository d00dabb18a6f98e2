package io.hubkit.benchmarks.apps.stats;

import java.util.concurrent.atomic.AtomicLong;

/** Counts a server's open client connections for its stats endpoint. Thread-safe. */
public final class ConnectionCounter {

    private final AtomicLong open = new AtomicLong();

    public void opened() {
        open.incrementAndGet();
    }

    public void closed() {
        open.decrementAndGet();
    }

    public long current() {
        return open.get();
    }
}
