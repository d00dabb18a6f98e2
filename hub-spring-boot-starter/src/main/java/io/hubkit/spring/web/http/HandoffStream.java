package io.hubkit.spring.web.http;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Operators;

/**
 * A single-subscriber stream whose producer waits for the consumer: {@link #push} completes only
 * once the subscriber has requested and received the item, so the producer's pace follows the
 * consumer's demand. Used for a POST-fed connection's inbound bytes (the runtime reads) and for an
 * event stream's events (the HTTP response writes).
 *
 * <p>{@link #complete()} ends the stream after the items already pushed; once the subscriber
 * cancels, waiting and later pushes fail with {@link ClosedException} and the cancel callback runs
 * once. Pushes may come from any thread; signals to the subscriber are serialised. The number of
 * waiting items is bounded by the producers (each waits for its push before the next). Thread-safe.
 *
 * @param <T> the items
 */
public final class HandoffStream<T> extends Flux<T> implements Subscription {

    /** Raised by {@link #push} when the stream no longer accepts items. */
    public static final class ClosedException extends IllegalStateException {
        ClosedException() {
            super("The stream is closed");
        }
    }

    private record Pending<T>(T item, MonoSink<Void> sink) {
    }

    private final Queue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicBoolean cancelCallbackRan = new AtomicBoolean();
    private final Runnable onCancel;
    private volatile CoreSubscriber<? super T> subscriber;
    private volatile boolean done;
    private volatile boolean cancelled;
    private boolean terminated;

    /** A stream with no cancel callback. */
    public HandoffStream() {
        this(() -> { });
    }

    /** A stream that runs {@code onCancel} once when its subscriber cancels. */
    public HandoffStream(Runnable onCancel) {
        this.onCancel = onCancel;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        if (!subscribed.compareAndSet(false, true)) {
            Operators.error(actual, new IllegalStateException("This stream allows one subscriber"));
            return;
        }
        actual.onSubscribe(this);
        subscriber = actual;
        drain();
    }

    /** Hands {@code item} to the subscriber; completes once it was delivered. */
    public Mono<Void> push(T item) {
        return Mono.create(sink -> {
            if (done || cancelled) {
                sink.error(new ClosedException());
                return;
            }
            queue.offer(new Pending<>(item, sink));
            drain();
        });
    }

    /** No more items: the stream completes after those pushed so far. Idempotent. */
    public void complete() {
        done = true;
        drain();
    }

    /** Whether the stream no longer accepts items (completed or cancelled). */
    public boolean isClosed() {
        return cancelled || done;
    }

    @Override
    public void request(long n) {
        if (Operators.validate(n)) {
            requested.getAndUpdate(current -> Operators.addCap(current, n));
            drain();
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        drain();
        if (cancelCallbackRan.compareAndSet(false, true)) {
            onCancel.run();
        }
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            CoreSubscriber<? super T> actual = subscriber;
            if (cancelled) {
                failQueued();
            } else if (actual != null && !terminated) {
                while (requested.get() > 0 && !cancelled) {
                    Pending<T> next = queue.poll();
                    if (next == null) {
                        break;
                    }
                    requested.decrementAndGet();
                    actual.onNext(next.item());
                    next.sink().success();
                }
                if (done && queue.isEmpty() && !cancelled) {
                    terminated = true;
                    actual.onComplete();
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void failQueued() {
        Pending<T> pending;
        while ((pending = queue.poll()) != null) {
            pending.sink().error(new ClosedException());
        }
    }
}
