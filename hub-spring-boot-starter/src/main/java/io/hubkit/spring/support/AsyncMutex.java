package io.hubkit.spring.support;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Runs asynchronous work one piece at a time, in arrival order, without blocking a thread: a
 * non-reentrant lock for {@code Mono}s. At most {@code maxWaiters} callers may wait; beyond that
 * {@link #exclusive} fails at once with {@link BusyException}. Cancelling a waiting caller removes
 * it; cancelling the running work releases the lock. Thread-safe.
 */
public final class AsyncMutex {

    /** Raised when more callers wait than the mutex allows. */
    public static final class BusyException extends IllegalStateException {
        public BusyException(String message) {
            super(message);
        }
    }

    private final int maxWaiters;
    private final Queue<Waiter> waiters = new ArrayDeque<>();
    private boolean held;

    public AsyncMutex(int maxWaiters) {
        if (maxWaiters < 0) {
            throw new IllegalArgumentException("maxWaiters must not be negative: " + maxWaiters);
        }
        this.maxWaiters = maxWaiters;
    }

    /** Runs {@code work} once every earlier caller's work has finished; the lock is held until it terminates. */
    public <T> Mono<T> exclusive(Supplier<? extends Mono<T>> work) {
        return Mono.usingWhen(acquire(), permit -> Mono.defer(work), Permit::release,
                (permit, error) -> permit.release(), Permit::release);
    }

    private Mono<Permit> acquire() {
        return Mono.<Permit>create(sink -> {
            Waiter waiter = new Waiter(sink);
            boolean now = false;
            boolean busy = false;
            synchronized (this) {
                if (!held) {
                    held = true;
                    now = true;
                } else if (waiters.size() >= maxWaiters) {
                    busy = true;
                } else {
                    waiters.add(waiter);
                }
            }
            if (busy) {
                sink.error(new BusyException("More than " + maxWaiters + " callers are waiting"));
                return;
            }
            sink.onCancel(waiter::cancel);
            if (now && !waiter.grant()) {
                handOver();
            }
        }).doOnDiscard(Permit.class, Permit::release);
    }

    private void handOver() {
        for (;;) {
            Waiter next;
            synchronized (this) {
                next = waiters.poll();
                if (next == null) {
                    held = false;
                    return;
                }
            }
            if (next.grant()) {
                return;
            }
        }
    }

    /** A caller waiting for the lock: 0 waiting, 1 granted, 2 cancelled. */
    private final class Waiter {
        private final MonoSink<Permit> sink;
        private final AtomicInteger state = new AtomicInteger();

        Waiter(MonoSink<Permit> sink) {
            this.sink = sink;
        }

        /** Gives the lock to this caller; false when it had been cancelled already. */
        boolean grant() {
            if (!state.compareAndSet(0, 1)) {
                return false;
            }
            sink.success(new Permit());
            return true;
        }

        void cancel() {
            if (state.compareAndSet(0, 2)) {
                synchronized (AsyncMutex.this) {
                    waiters.remove(this);
                }
            }
        }
    }

    /** Proof of holding the lock; releasing twice has no effect. */
    private final class Permit {
        private final AtomicBoolean released = new AtomicBoolean();

        Mono<Void> release() {
            if (released.compareAndSet(false, true)) {
                handOver();
            }
            return Mono.empty();
        }
    }
}
