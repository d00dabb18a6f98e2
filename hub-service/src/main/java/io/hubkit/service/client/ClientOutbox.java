package io.hubkit.service.client;

import io.hubkit.core.protocol.TransferFormat;
import io.hubkit.spring.connection.RawConnection;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The messages waiting for one client, written with coalescing: while a write is in flight, new
 * messages accumulate and go out together in the next write (one WebSocket frame, one server-sent
 * event, one poll body holding several whole hub messages, up to {@code maxBatchBytes} unless a
 * single message is larger). At most {@code maxQueued} messages wait; {@link #offer} refuses more.
 * Message arrays are never modified (they may be shared by many clients).
 *
 * <p>Thread-safe: offers may come from any thread; writes are issued one at a time (a
 * work-in-progress counter serialises the drain loop, no lock is held while writing).
 */
final class ClientOutbox {

    private final RawConnection raw;
    private final Supplier<TransferFormat> format;
    private final int maxQueued;
    private final int maxBatchBytes;
    private final Queue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger wip = new AtomicInteger();
    private final Sinks.Empty<Void> done = Sinks.empty();
    private volatile boolean completed;
    private volatile boolean failed;
    private volatile boolean writing;

    ClientOutbox(RawConnection raw, Supplier<TransferFormat> format, int maxQueued, int maxBatchBytes) {
        this.raw = raw;
        this.format = format;
        this.maxQueued = maxQueued;
        this.maxBatchBytes = maxBatchBytes;
    }

    /** Queues one whole message; false when {@link #maxQueued} messages already wait (nothing is queued then). */
    boolean offer(byte[] message) {
        if (completed || failed) {
            return true; // the connection is ending; what comes now is dropped like any send to a closed connection
        }
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            return false;
        }
        queue.add(message);
        drain();
        return true;
    }

    /** No more messages: what is queued is written, then {@link #done()} completes. Idempotent. */
    void complete() {
        completed = true;
        drain();
    }

    /** Completes once everything offered before {@link #complete()} was written, or a write failed. */
    Mono<Void> done() {
        return done.asMono();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (!writing) {
                if (failed) {
                    queue.clear();
                    done.tryEmitEmpty();
                } else {
                    List<byte[]> batch = nextBatch();
                    if (!batch.isEmpty()) {
                        write(batch);
                    } else if (completed) {
                        done.tryEmitEmpty();
                    }
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private List<byte[]> nextBatch() {
        List<byte[]> batch = new ArrayList<>();
        byte[] first = queue.poll();
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long bytes = first.length;
        byte[] next;
        while ((next = queue.peek()) != null && bytes + next.length <= maxBatchBytes) {
            batch.add(queue.poll());
            bytes += next.length;
        }
        queued.addAndGet(-batch.size());
        return batch;
    }

    private void write(List<byte[]> batch) {
        writing = true;
        raw.send(join(batch), format.get()).subscribe(
                ignored -> { },
                error -> {
                    failed = true;
                    writing = false;
                    drain();
                },
                () -> {
                    writing = false;
                    drain();
                });
    }

    private static ByteBuffer join(List<byte[]> batch) {
        if (batch.size() == 1) {
            return ByteBuffer.wrap(batch.get(0));
        }
        int length = 0;
        for (byte[] message : batch) {
            length += message.length;
        }
        ByteBuffer joined = ByteBuffer.allocate(length);
        for (byte[] message : batch) {
            joined.put(message);
        }
        return joined.flip();
    }
}
