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
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The bounded outbound queue of one connection and its single writer. Any thread may
 * {@link #offer} without blocking or locking; one drain loop at a time takes messages out and
 * writes them to the transport. While a write is in flight, new messages accumulate and leave
 * together in the next write as one payload of whole records (coalescing), up to
 * {@value #MAX_BATCH_BYTES} bytes per payload (a single larger record goes alone). Each message's
 * encoding comes from its {@link SerializedHubMessage}, so a broadcast is encoded once per protocol.
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
 *
 * <p>No copy on the send path: a payload of one message is a view of the message's shared buffer
 * ({@link SerializedHubMessage#buffer}); a coalesced payload is the list of those views, handed to
 * the transport's gathering {@link Transport#write(List, TransferFormat)}. An idle queue holds no
 * more than its counters and an empty message queue: the task and waiter queues, the batch list and
 * the sink of {@link #closeAndFlush} are created on first use, and one completion subscriber is
 * reused for every write (writes never overlap).
 */
final class OutboundQueue {

    static final int MAX_BATCH_BYTES = 64 * 1024;

    /** The batch list is reused between writes up to this many records. */
    private static final int KEPT_BATCH_CAPACITY = 16;

    private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);

    private static final AtomicIntegerFieldUpdater<OutboundQueue> SIZE =
            AtomicIntegerFieldUpdater.newUpdater(OutboundQueue.class, "size");
    private static final AtomicIntegerFieldUpdater<OutboundQueue> WIP =
            AtomicIntegerFieldUpdater.newUpdater(OutboundQueue.class, "wip");
    private static final AtomicIntegerFieldUpdater<OutboundQueue> FAILURES =
            AtomicIntegerFieldUpdater.newUpdater(OutboundQueue.class, "failures");
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<OutboundQueue, Queue> WAITERS =
            AtomicReferenceFieldUpdater.newUpdater(OutboundQueue.class, Queue.class, "writableWaiters");
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<OutboundQueue, Queue> TASKS =
            AtomicReferenceFieldUpdater.newUpdater(OutboundQueue.class, Queue.class, "tasks");
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<OutboundQueue, Sinks.Empty> FLUSHED =
            AtomicReferenceFieldUpdater.newUpdater(OutboundQueue.class, Sinks.Empty.class, "flushed");

    private final Transport transport;
    private final HubProtocol protocol;
    private final TransferFormat format;
    private final int capacity;
    private final Consumer<Throwable> failureListener;
    private final Queue<SerializedHubMessage> queue = Queues.<SerializedHubMessage>unboundedMultiproducer().get();
    private final WriteCompletion completion = new WriteCompletion();
    private volatile int size;
    private volatile int wip;
    private volatile int failures;
    private volatile Queue<Runnable> writableWaiters;
    private volatile Queue<ExclusiveTask> tasks;
    private volatile Sinks.Empty<Void> flushed;

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
    private SerializedHubMessage carried;
    private boolean finalStarted;
    private int batchMessages;
    private List<ByteBuffer> batch;

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
        if (SIZE.incrementAndGet(this) > capacity) {
            SIZE.decrementAndGet(this);
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
        return !closed && size < Math.max(1, capacity / 2);
    }

    /** Runs {@code callback} once the queue is writable again (at once if it is, or once it is closed). */
    void whenWritable(Runnable callback) {
        waiters().offer(callback);
        if (isWritable() || closed) {
            runWritableWaiters();
        }
    }

    /** The number of messages waiting to be written. */
    int size() {
        return size;
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
        tasks().offer(new ExclusiveTask(work, done));
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
        Mono<Void> done = flushed().asMono();
        drain();
        runWritableWaiters();
        return done;
    }

    private void fail(Throwable error) {
        if (FAILURES.getAndIncrement(this) == 0) {
            failureListener.accept(error);
        }
    }

    private void drain() {
        if (WIP.getAndIncrement(this) != 0) {
            return;
        }
        int missed = 1;
        do {
            Queue<ExclusiveTask> pending = tasks;
            ExclusiveTask task = writing || pending == null ? null : pending.poll();
            if (task != null) {
                runTask(task);
            } else if (!writing) {
                if (discard) {
                    dropQueued();
                }
                boolean paused = !closed && replay != null && !replay.hasRoom();
                if (!discard && !paused && takeBatch()) {
                    write(false);
                } else if (closed && !finalStarted && !paused) {
                    finalStarted = true;
                    SerializedHubMessage last = finalMessage;
                    ByteBuffer record = last == null || broken ? null : encode(last);
                    if (record == null) {
                        flushed().tryEmitEmpty();
                    } else {
                        batch().add(record);
                        batchMessages = 1;
                        write(true);
                    }
                }
            }
            missed = WIP.addAndGet(this, -missed);
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

    /** Writes the batch taken (one or more records) as one transport message. */
    private void write(boolean isFinal) {
        writing = true;
        lastWriteNanos = System.nanoTime();
        List<ByteBuffer> records = batch;
        int bytes = 0;
        for (int i = 0; i < records.size(); i++) {
            bytes += records.get(i).remaining();
        }
        completion.prepare(isFinal, batchMessages, bytes);
        Mono<Void> written;
        try {
            written = records.size() == 1 ? transport.write(records.get(0), format) : transport.write(records, format);
        } catch (RuntimeException e) {
            written = Mono.error(e);
        }
        written.subscribe(completion);
    }

    private void writeDone(boolean isFinal, int messages, int bytes) {
        releaseBatch();
        observer.messagesSent(messages, bytes);
        writing = false;
        if (isFinal) {
            flushed().tryEmitEmpty();
            return;
        }
        if (isWritable()) {
            runWritableWaiters();
        }
        drain();
    }

    private void writeFailed(Throwable error, boolean isFinal) {
        releaseBatch();
        broken = true;
        discard = true;
        closed = true;
        writing = false;
        if (!isFinal) {
            fail(error);
        }
        log.debug("Writing to transport {} failed", transport.name(), error);
        flushed().tryEmitEmpty();
        runWritableWaiters();
        drain();
    }

    /**
     * Takes queued messages for one payload into {@link #batch}: up to {@value #MAX_BATCH_BYTES}
     * bytes of whole records (a larger record goes alone). False when nothing is queued.
     */
    private boolean takeBatch() {
        int total = 0;
        while (total < MAX_BATCH_BYTES) {
            SerializedHubMessage next = nextMessage();
            if (next == null) {
                break;
            }
            ByteBuffer record = encode(next);
            if (record == null) {
                continue;
            }
            if (total > 0 && total + record.remaining() > MAX_BATCH_BYTES) {
                carried = next;
                break;
            }
            ReplayBuffer buffer = replay;
            if (buffer != null) {
                buffer.record(next.message(), next.encoded(protocol));
            }
            batch().add(record);
            total += record.remaining();
        }
        batchMessages = batch == null ? 0 : batch.size();
        return batchMessages > 0;
    }

    /**
     * Lets go of the written batch's views (called before {@code writing} turns false, so the next
     * drain sees it); a list grown by a large batch is dropped rather than kept for the connection's life.
     */
    private void releaseBatch() {
        if (batch.size() > KEPT_BATCH_CAPACITY) {
            batch = null;
        } else {
            batch.clear();
        }
    }

    private List<ByteBuffer> batch() {
        if (batch == null) {
            batch = new ArrayList<>(4);
        }
        return batch;
    }

    /** The message carried over from the last batch, or the next queued one; null when none is. */
    private SerializedHubMessage nextMessage() {
        SerializedHubMessage next = carried;
        if (next != null) {
            carried = null;
            return next;
        }
        next = queue.poll();
        if (next != null) {
            SIZE.decrementAndGet(this);
        }
        return next;
    }

    /** A view of {@code message}'s shared encoding, or null (logged) when it cannot be encoded. */
    private ByteBuffer encode(SerializedHubMessage message) {
        try {
            return message.buffer(protocol);
        } catch (RuntimeException e) {
            log.error("Dropping a {} message that the '{}' protocol cannot encode",
                    message.message().getClass().getSimpleName(), protocol.name(), e);
            return null;
        }
    }

    private void dropQueued() {
        carried = null;
        while (queue.poll() != null) {
            SIZE.decrementAndGet(this);
        }
    }

    @SuppressWarnings("unchecked")
    private Queue<Runnable> waiters() {
        Queue<Runnable> waiters = writableWaiters;
        if (waiters == null) {
            WAITERS.compareAndSet(this, null, new ConcurrentLinkedQueue<Runnable>());
            waiters = writableWaiters;
        }
        return waiters;
    }

    @SuppressWarnings("unchecked")
    private Queue<ExclusiveTask> tasks() {
        Queue<ExclusiveTask> pending = tasks;
        if (pending == null) {
            TASKS.compareAndSet(this, null, new ConcurrentLinkedQueue<ExclusiveTask>());
            pending = tasks;
        }
        return pending;
    }

    @SuppressWarnings("unchecked")
    private Sinks.Empty<Void> flushed() {
        Sinks.Empty<Void> sink = flushed;
        if (sink == null) {
            FLUSHED.compareAndSet(this, null, Sinks.<Void>empty());
            sink = flushed;
        }
        return sink;
    }

    private void runWritableWaiters() {
        Queue<Runnable> waiters = writableWaiters;
        if (waiters == null) {
            return;
        }
        Runnable waiter;
        while ((waiter = waiters.poll()) != null) {
            try {
                waiter.run();
            } catch (RuntimeException e) {
                log.error("A writable callback failed", e);
            }
        }
    }

    /**
     * Hears the end of the write in flight; one instance serves every write of the queue, since
     * writes never overlap. What it reports is captured before the write starts.
     */
    private final class WriteCompletion implements CoreSubscriber<Void> {

        private volatile boolean isFinal;
        private volatile int messages;
        private volatile int bytes;

        void prepare(boolean isFinalWrite, int writtenMessages, int writtenBytes) {
            isFinal = isFinalWrite;
            messages = writtenMessages;
            bytes = writtenBytes;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(Void value) {
        }

        @Override
        public void onError(Throwable error) {
            writeFailed(error, isFinal);
        }

        @Override
        public void onComplete() {
            writeDone(isFinal, messages, bytes);
        }
    }
}
