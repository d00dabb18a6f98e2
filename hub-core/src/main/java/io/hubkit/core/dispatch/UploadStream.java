package io.hubkit.core.dispatch;

import java.lang.reflect.Type;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One client-to-server stream: the items the client sends on a stream id, handed to the hub
 * method as a {@code Flux}. Buffers at most {@code capacity} items; when the buffer is full,
 * {@link #push} returns a Mono the receive loop waits for, which back-pressures the client. Ended
 * by the client's Completion ({@link #complete}), by the end of the invocation, or by the end of
 * the connection. The Flux can be subscribed once; items are emitted only on demand; {@code null}
 * items are skipped.
 *
 * <p>Producers: the receive loop only. Consumer: the hub method's subscriber, on any thread.
 */
final class UploadStream {

    private final Type itemType;
    private final int capacity;
    private final Queue<Object> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger buffered = new AtomicInteger();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final Flux<Object> flux;
    private volatile FluxSink<Object> sink;
    private volatile boolean done;
    private volatile boolean cancelled;
    private volatile Throwable error;
    private volatile Sinks.Empty<Void> spaceWaiter;

    UploadStream(Type itemType, int capacity) {
        this.itemType = itemType;
        this.capacity = capacity;
        this.flux = Flux.create(this::attach);
    }

    Type itemType() {
        return itemType;
    }

    /** The stream as the hub method sees it. */
    Flux<Object> flux() {
        return flux;
    }

    /**
     * Adds an item; returns null, or a Mono to wait for when the buffer is full. A {@code null}
     * item is skipped: Reactor streams cannot carry {@code null}.
     */
    Mono<Void> push(Object item) {
        if (done || cancelled || item == null) {
            return null;
        }
        items.offer(item);
        buffered.incrementAndGet();
        drain();
        if (buffered.get() < capacity || done || cancelled) {
            return null;
        }
        Sinks.Empty<Void> waiter = Sinks.empty();
        spaceWaiter = waiter;
        if (buffered.get() < capacity || done || cancelled) {
            spaceWaiter = null;
            return null;
        }
        return waiter.asMono();
    }

    /** Ends the stream after the buffered items: normally when {@code failure} is null. Idempotent. */
    void complete(Throwable failure) {
        if (done) {
            return;
        }
        error = failure;
        done = true;
        drain();
        releaseWaiter();
    }

    private void attach(FluxSink<Object> newSink) {
        if (!subscribed.compareAndSet(false, true)) {
            newSink.error(new IllegalStateException("An upload stream can be subscribed only once"));
            return;
        }
        newSink.onRequest(n -> drain());
        newSink.onDispose(() -> {
            if (!done || !items.isEmpty()) {
                cancelled = true;
                items.clear();
                buffered.set(0);
                releaseWaiter();
            }
        });
        sink = newSink;
        drain();
    }

    /**
     * Emits buffered items while there is demand. A waiting receive loop is woken only after the
     * drain loop is left, so it never resumes inside the consumer's {@code request} call.
     */
    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            FluxSink<Object> s = sink;
            if (s != null && !cancelled) {
                while (s.requestedFromDownstream() > 0) {
                    Object item = items.poll();
                    if (item == null) {
                        break;
                    }
                    buffered.decrementAndGet();
                    s.next(item);
                }
                if (done && items.isEmpty()) {
                    Throwable failure = error;
                    if (failure != null) {
                        s.error(failure);
                    } else {
                        s.complete();
                    }
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
        if (buffered.get() < capacity) {
            releaseWaiter();
        }
    }

    private void releaseWaiter() {
        Sinks.Empty<Void> waiter = spaceWaiter;
        if (waiter != null) {
            spaceWaiter = null;
            waiter.tryEmitEmpty();
        }
    }
}
