package io.hubkit.backplane.redis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The group commands this server published and is waiting to see acknowledged, by id. Ids come
 * from a per-server int counter starting at 1 (wrapping is harmless: acks come back on this
 * server's own channel). An entry leaves the table when its ack arrives, when its waiter cancels
 * (e.g. on timeout) or when the backplane closes. Thread-safe.
 */
final class PendingAcks {

    private final AtomicInteger lastId = new AtomicInteger();
    private final Map<Integer, MonoSink<Void>> pending = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** The next command id. */
    int nextId() {
        return lastId.incrementAndGet();
    }

    /**
     * Completes when the ack of {@code id} arrives. Registered on subscription, before
     * {@code publish} is subscribed, so an ack cannot overtake its registration; a failed publish
     * fails the Mono.
     */
    Mono<Void> await(int id, Mono<?> publish) {
        return Mono.create(sink -> {
            if (closed) {
                sink.error(new RedisBackplaneException("The Redis backplane is closed"));
                return;
            }
            pending.put(id, sink);
            sink.onDispose(() -> pending.remove(id, sink));
            publish.subscribe(null, error -> {
                if (pending.remove(id, sink)) {
                    sink.error(error);
                }
            });
        });
    }

    /** An ack arrived. */
    void acknowledge(int id) {
        MonoSink<Void> sink = pending.remove(id);
        if (sink != null) {
            sink.success();
        }
    }

    /** Number of commands awaiting their ack. */
    int size() {
        return pending.size();
    }

    /** Fails every waiting command; later ones fail at once. */
    void close() {
        closed = true;
        for (Integer id : pending.keySet()) {
            MonoSink<Void> sink = pending.remove(id);
            if (sink != null) {
                sink.error(new RedisBackplaneException("The Redis backplane closed before the group change was acknowledged"));
            }
        }
    }
}
