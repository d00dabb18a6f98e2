package io.hubkit.benchmarks.jmh;

import io.hubkit.core.connection.Transport;
import io.hubkit.core.protocol.TransferFormat;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;

/**
 * A transport that only counts writes, records and bytes: the runtime's own cost with the socket
 * taken away. Every write completes at once, unless writes are {@linkplain #hold() held}: then the
 * next write stays in flight, as on a busy socket, until {@link #release()}, and what the runtime
 * sends meanwhile waits in its queue to leave as one coalesced write. A held write allocates nothing
 * here (the transport is its own in-flight Mono). Thread-safe for the counters; hold and release
 * are called by one thread at a time.
 */
final class CountingTransport implements Transport {

    private final AtomicLong writes;
    private final AtomicLong records;
    private final AtomicLong bytes;
    private final Mono<Void> inFlight = new Mono<>() {
        @Override
        public void subscribe(CoreSubscriber<? super Void> subscriber) {
            subscriber.onSubscribe(Operators.emptySubscription());
            held = subscriber;
        }
    };
    private volatile boolean holding;
    private volatile CoreSubscriber<? super Void> held;

    /** Counts into the given totals (shared by many transports in the fan-out benchmark). */
    CountingTransport(AtomicLong writes, AtomicLong records, AtomicLong bytes) {
        this.writes = writes;
        this.records = records;
        this.bytes = bytes;
    }

    @Override
    public String name() {
        return "WebSockets";
    }

    @Override
    public boolean supportsBinary() {
        return true;
    }

    @Override
    public boolean needsKeepAlive() {
        return false;
    }

    @Override
    public Mono<Void> write(ByteBuffer payload, TransferFormat format) {
        bytes.addAndGet(payload.remaining());
        records.incrementAndGet();
        writes.incrementAndGet();
        return holding ? inFlight : Mono.empty();
    }

    /** A coalesced batch counts as one write of all its records, as a gathering socket write would. */
    @Override
    public Mono<Void> write(List<ByteBuffer> batch, TransferFormat format) {
        long total = 0;
        for (ByteBuffer record : batch) {
            total += record.remaining();
        }
        bytes.addAndGet(total);
        records.addAndGet(batch.size());
        writes.incrementAndGet();
        return holding ? inFlight : Mono.empty();
    }

    /** Keeps the next write in flight until {@link #release()}. */
    void hold() {
        holding = true;
    }

    /** Completes the write in flight, if any; later writes complete at once. */
    void release() {
        holding = false;
        CoreSubscriber<? super Void> subscriber = held;
        held = null;
        if (subscriber != null) {
            subscriber.onComplete();
        }
    }

    @Override
    public Mono<Void> close() {
        return Mono.empty();
    }
}
