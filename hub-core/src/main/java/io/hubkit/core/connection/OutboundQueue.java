package io.hubkit.core.connection;

import io.hubkit.core.observe.ConnectionObserver;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.SerializedHubMessage;
import io.hubkit.core.protocol.TransferFormat;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The bounded outbound queue of one connection and its single writer. Any thread may
 * {@link #offer} without blocking or locking; one drain loop at a time takes messages out and
 * writes them to the transport. While a write is in flight, new messages accumulate and leave
 * together in the next write as one payload of whole records (coalescing), up to
 * {@value #MAX_BATCH_BYTES} bytes per payload (a single larger record goes alone). Each message is
 * encoded with {@link SerializedHubMessage#encoded}, so a broadcast is encoded once per protocol.
 *
 * <p>More than {@code capacity} queued messages means the client does not read fast enough: the
 * overflow listener is told once (with a {@link SlowConsumerException}), and the connection is
 * closed by its owner. A failed write is reported to the same listener. Each successful write is
 * reported to the connection's {@link ConnectionObserver}.
 *
 * <p>{@link #runExclusive} runs a task (e.g. writing the handshake response, or a stateful
 * reconnect's resend) in the writer's place: queued messages wait until it has finished. With a
 * {@link ReplayBuffer} ({@link #enableReplay}) every message is recorded as it goes into a payload,
 * and writing pauses while the buffer is full ({@link #wakeUp()} resumes it).
 */
final class OutboundQueue {

    static final int MAX_BATCH_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);

    private final Transport transport;
    private final HubProtocol protocol;
    private final TransferFormat format;
    private final int capacity;
    private final Consumer<Throwable> failureListener;
    private final Queue<SerializedHubMessage> queue = Queues.<SerializedHubMessage>unboundedMultiproducer().get();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final Queue<Runnable> writableWaiters = new ConcurrentLinkedQueue<>();
    private final Sinks.Empty<Void> flushed = Sinks.empty();
    private final Queue<ExclusiveTask> tasks = new ConcurrentLinkedQueue<>();

    private volatile boolean writing;
    private volatile boolean closed;
    private volatile boolean discard;
    private volatile boolean broken;
    private volatile SerializedHubMessage finalMessage;
    private volatile long lastWriteNanos = System.nanoTime();
    private volatile ConnectionObserver observer = ConnectionObserver.NONE;
    private volatile ReplayBuffer replay;

    /** A task run in the writer's place, and the sink told when it is done. */
    private record ExclusiveTask(Supplier<Mono<Void>> work, Sinks.Empty<Void> done) {
    }

    /** Drain-loop state (touched only inside the serialized drain loop). */
    private SerializedHubMessage lastTaken;
    private SerializedHubMessage carried;
    private boolean finalStarted;
    private int batchMessages;

    OutboundQueue(Transport transport, HubProtocol protocol, int capacity, Consumer<Throwable> failureListener) {
        this.transport = transport;
        this.protocol = protocol;
        this.format = protocol.transferFormat();
        this.capacity = capacity;
        this.failureListener = failureListener;
    }

    /**
     * Queues {@code message}; never blocks. Returns false when the queue is closed or full (a full
     * queue reports the overflow to the failure listener).
     */
    boolean offer(SerializedHubMessage message) {
        if (closed) {
            return false;
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            fail(new SlowConsumerException("More than " + capacity
                    + " messages were queued for the connection: the client does not read fast enough."));
            return false;
        }
        queue.offer(message);
        drain();
        return true;
    }

    /** Whether the queue has room for bursts (less than half full); producers of streams pause otherwise. */
    boolean isWritable() {
        return !closed && size.get() < Math.max(1, capacity / 2);
    }

    /** Runs {@code callback} once the queue is writable again (at once if it is, or once it is closed). */
    void whenWritable(Runnable callback) {
        writableWaiters.offer(callback);
        if (isWritable() || closed) {
            runWritableWaiters();
        }
    }

    /** The number of messages waiting to be written. */
    int size() {
        return size.get();
    }

    /** Reports each successful write to {@code connectionObserver} from now on. */
    void observe(ConnectionObserver connectionObserver) {
        this.observer = connectionObserver;
    }

    /** Records every message written from now on in {@code buffer} (stateful reconnect). */
    void enableReplay(ReplayBuffer buffer) {
        this.replay = buffer;
    }

    /**
     * Runs {@code work} once no write is in flight, before any message queued after this call (and
     * after tasks queued earlier); the queue writes nothing else until its Mono terminates. The
     * returned Mono completes (or fails) with it. Tasks run even on a closed queue.
     */
    Mono<Void> runExclusive(Supplier<Mono<Void>> work) {
        Sinks.Empty<Void> done = Sinks.empty();
        tasks.offer(new ExclusiveTask(work, done));
        drain();
        return done.asMono();
    }

    /** Tries to write again, e.g. after acknowledgements made room in the replay buffer. */
    void wakeUp() {
        drain();
    }

    /** The time of the last write's start, from {@link System#nanoTime()}. */
    long lastWriteNanos() {
        return lastWriteNanos;
    }

    /**
     * Accepts nothing more, writes {@code last} (if not null) after what is queued — or instead of
     * it when {@code discardPending} — and completes once that is written or writing failed.
     * Only the first call chooses the last message.
     */
    Mono<Void> closeAndFlush(SerializedHubMessage last, boolean discardPending) {
        if (!closed) {
            finalMessage = last;
            closed = true;
        }
        if (discardPending) {
            discard = true;
        }
        drain();
        runWritableWaiters();
        return flushed.asMono();
    }

    private void fail(Throwable error) {
        if (failures.getAndIncrement() == 0) {
            failureListener.accept(error);
        }
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            ExclusiveTask task = writing ? null : tasks.poll();
            if (task != null) {
                runTask(task);
            } else if (!writing) {
                if (discard) {
                    dropQueued();
                }
                boolean paused = !closed && replay != null && !replay.hasRoom();
                ByteBuffer batch = discard || paused ? null : nextBatch();
                if (batch != null) {
                    write(batch, false);
                } else if (closed && !finalStarted && !paused) {
                    finalStarted = true;
                    SerializedHubMessage last = finalMessage;
                    ByteBuffer bytes = last == null || broken ? null : encode(last);
                    if (bytes == null) {
                        flushed.tryEmitEmpty();
                    } else {
                        batchMessages = 1;
                        write(bytes, true);
                    }
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void runTask(ExclusiveTask task) {
        writing = true;
        Mono<Void> work;
        try {
            work = task.work().get();
        } catch (RuntimeException e) {
            work = Mono.error(e);
        }
        work.subscribe(null, error -> {
            writing = false;
            task.done().tryEmitError(error);
            drain();
        }, () -> {
            writing = false;
            task.done().tryEmitEmpty();
            drain();
        });
    }

    private void write(ByteBuffer payload, boolean isFinal) {
        writing = true;
        lastWriteNanos = System.nanoTime();
        int messages = batchMessages;
        int bytes = payload.remaining();
        Mono<Void> written;
        try {
            written = transport.write(payload, format);
        } catch (RuntimeException e) {
            written = Mono.error(e);
        }
        written.subscribe(null, error -> writeFailed(error, isFinal), () -> writeDone(isFinal, messages, bytes));
    }

    private void writeDone(boolean isFinal, int messages, int bytes) {
        observer.messagesSent(messages, bytes);
        writing = false;
        if (isFinal) {
            flushed.tryEmitEmpty();
            return;
        }
        if (isWritable()) {
            runWritableWaiters();
        }
        drain();
    }

    private void writeFailed(Throwable error, boolean isFinal) {
        broken = true;
        discard = true;
        closed = true;
        writing = false;
        if (!isFinal) {
            fail(error);
        }
        log.debug("Writing to transport {} failed", transport.name(), error);
        flushed.tryEmitEmpty();
        runWritableWaiters();
        drain();
    }

    /** Takes queued messages for one payload; null when nothing is queued. */
    private ByteBuffer nextBatch() {
        byte[] first = nextEncoded();
        if (first == null) {
            return null;
        }
        record(lastTaken, first);
        byte[] second = first.length >= MAX_BATCH_BYTES ? null : nextEncoded();
        if (second == null) {
            batchMessages = 1;
            return ByteBuffer.wrap(first).asReadOnlyBuffer();
        }
        record(lastTaken, second);
        List<byte[]> parts = new ArrayList<>();
        parts.add(first);
        parts.add(second);
        int total = first.length + second.length;
        while (total < MAX_BATCH_BYTES) {
            SerializedHubMessage next = queue.poll();
            if (next == null) {
                break;
            }
            size.decrementAndGet();
            byte[] bytes = encodeBytes(next);
            if (bytes == null) {
                continue;
            }
            if (total + bytes.length > MAX_BATCH_BYTES) {
                carried = next;
                break;
            }
            record(next, bytes);
            parts.add(bytes);
            total += bytes.length;
        }
        batchMessages = parts.size();
        ByteBuffer payload = ByteBuffer.allocate(total);
        for (byte[] part : parts) {
            payload.put(part);
        }
        return payload.flip();
    }

    /** The next message's bytes ({@link #lastTaken} is the message), or null when nothing is queued. */
    private byte[] nextEncoded() {
        for (;;) {
            SerializedHubMessage next = carried;
            if (next != null) {
                carried = null;
            } else {
                next = queue.poll();
                if (next == null) {
                    return null;
                }
                size.decrementAndGet();
            }
            byte[] bytes = encodeBytes(next);
            if (bytes != null) {
                lastTaken = next;
                return bytes;
            }
        }
    }

    private void record(SerializedHubMessage message, byte[] bytes) {
        ReplayBuffer buffer = replay;
        if (buffer != null) {
            buffer.record(message.message(), bytes);
        }
    }

    private ByteBuffer encode(SerializedHubMessage message) {
        byte[] bytes = encodeBytes(message);
        return bytes == null ? null : ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    private byte[] encodeBytes(SerializedHubMessage message) {
        try {
            return message.encoded(protocol);
        } catch (RuntimeException e) {
            log.error("Dropping a {} message that the '{}' protocol cannot encode",
                    message.message().getClass().getSimpleName(), protocol.name(), e);
            return null;
        }
    }

    private void dropQueued() {
        carried = null;
        while (queue.poll() != null) {
            size.decrementAndGet();
        }
    }

    private void runWritableWaiters() {
        Runnable waiter;
        while ((waiter = writableWaiters.poll()) != null) {
            try {
                waiter.run();
            } catch (RuntimeException e) {
                log.error("A writable callback failed", e);
            }
        }
    }
}
