package io.hubkit.spring.web.websocket;

import io.netty.channel.EventLoop;
import io.netty.util.internal.PlatformDependent;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.Queue;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries writes that start on other threads to one Netty event loop in batches: the first write
 * queued schedules one task on the loop, and that task runs every write queued until then. A
 * broadcast from a thread that is not the sockets' loop (another connection's loop, a backplane's
 * I/O thread) thus costs each loop one task and at most one wake-up, not one per connection.
 *
 * <p>Writes run on the loop in the order they were queued. The queue holds at most one write per
 * connection of the loop (the runtime starts a connection's next write only once the previous one
 * has completed), so it is bounded by the loop's connections. One instance per event loop
 * ({@link #of}); thread-safe.
 */
final class EventLoopWriteBatch implements Executor, Runnable {

    /** Writes one task runs before it yields the loop to its sockets' I/O (it then reschedules itself). */
    private static final int MAX_WRITES_PER_TASK = 4096;
    private static final Map<EventLoop, EventLoopWriteBatch> BATCHES = Collections.synchronizedMap(new WeakHashMap<>());

    private final WeakReference<EventLoop> loop;
    private final Queue<Runnable> writes = PlatformDependent.newMpscQueue();
    private final AtomicInteger scheduled = new AtomicInteger();

    private EventLoopWriteBatch(EventLoop loop) {
        this.loop = new WeakReference<>(loop);
    }

    /** The batch of {@code loop}, created on first use (and forgotten with the loop). */
    static EventLoopWriteBatch of(EventLoop loop) {
        return BATCHES.computeIfAbsent(loop, EventLoopWriteBatch::new);
    }

    /**
     * Queues {@code write} to run on the loop.
     *
     * @throws RejectedExecutionException when the loop is gone or shutting down
     */
    @Override
    public void execute(Runnable write) {
        writes.offer(write);
        if (scheduled.get() == 0 && scheduled.compareAndSet(0, 1)) {
            schedule();
        }
    }

    /** Runs the queued writes; only ever on the loop. */
    @Override
    public void run() {
        for (int i = 0; i < MAX_WRITES_PER_TASK; i++) {
            Runnable write = writes.poll();
            if (write == null) {
                break;
            }
            write.run();
        }
        scheduled.set(0);
        if (!writes.isEmpty() && scheduled.compareAndSet(0, 1)) {
            schedule();
        }
    }

    private void schedule() {
        EventLoop target = loop.get();
        if (target == null) {
            scheduled.set(0);
            throw new RejectedExecutionException("The event loop is gone");
        }
        target.execute(this);
    }
}
