package io.hubkit.spring.web.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalIoHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Writes queued from other threads run on the loop, each thread's in its order, and none is lost. */
class EventLoopWriteBatchTest {

    private static final int WRITES_PER_THREAD = 20_000;

    @Test
    void writesFromOtherThreadsRunOnTheLoopInTheOrderEachThreadQueuedThem() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
        try {
            EventLoop loop = group.next();
            EventLoopWriteBatch batch = EventLoopWriteBatch.of(loop);
            assertThat(EventLoopWriteBatch.of(loop)).isSameAs(batch);
            ConcurrentLinkedQueue<String> offLoop = new ConcurrentLinkedQueue<>();
            List<List<Integer>> seen = List.of(new ArrayList<>(), new ArrayList<>());
            CountDownLatch done = new CountDownLatch(2 * WRITES_PER_THREAD);
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                writers.add(new Thread(() -> {
                    for (int i = 0; i < WRITES_PER_THREAD; i++) {
                        int sequence = i;
                        batch.execute(() -> {
                            if (!loop.inEventLoop()) {
                                offLoop.add(Thread.currentThread().getName());
                            }
                            seen.get(thread).add(sequence); // only the loop touches the lists
                            done.countDown();
                        });
                    }
                }));
            }
            writers.forEach(Thread::start);
            for (Thread writer : writers) {
                writer.join();
            }

            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(offLoop).isEmpty();
            AtomicInteger expected = new AtomicInteger();
            for (List<Integer> sequence : seen) {
                expected.set(0);
                assertThat(sequence).hasSize(WRITES_PER_THREAD)
                        .allSatisfy(value -> assertThat(value).isEqualTo(expected.getAndIncrement()));
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void aLoopThatHasShutDownRefusesTheWrite() {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
        EventLoop loop = group.next();
        EventLoopWriteBatch batch = EventLoopWriteBatch.of(loop);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();

        assertThatThrownBy(() -> batch.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }
}
