package io.hubkit.core.dispatch;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Caps the hub invocations of one connection that run at the same time
 * ({@link io.hubkit.core.HubOptions#maximumParallelInvocationsPerClient()}). Only the connection's
 * receive loop acquires, one acquisition at a time, so at most one waiter exists; any thread may
 * release. Lock-free.
 */
final class InvocationLimiter {

    private final int limit;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicReference<Sinks.Empty<Void>> waiter = new AtomicReference<>();

    InvocationLimiter(int limit) {
        this.limit = limit;
    }

    /** Takes a slot if one is free. */
    boolean tryAcquire() {
        for (;;) {
            int n = running.get();
            if (n >= limit) {
                return false;
            }
            if (running.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Completes once a slot has been taken for the caller (call after {@link #tryAcquire()} failed). */
    Mono<Void> acquire() {
        return Mono.defer(() -> {
            if (tryAcquire()) {
                return Mono.empty();
            }
            Sinks.Empty<Void> signal = Sinks.empty();
            waiter.set(signal);
            if (running.get() < limit) {
                // a release happened between the attempt and publishing the waiter: try again now
                waiter.compareAndSet(signal, null);
                return acquire();
            }
            return signal.asMono().then(acquire());
        });
    }

    /** Frees a slot and wakes the waiter, if any. */
    void release() {
        running.decrementAndGet();
        Sinks.Empty<Void> signal = waiter.getAndSet(null);
        if (signal != null) {
            signal.tryEmitEmpty();
        }
    }
}
