package io.hubkit.backplane.service.server;

import io.hubkit.backplane.service.protocol.AckMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The acknowledgements one hub awaits from the service, by ack id (a per-hub counter, as the
 * Azure SDK numbers them). An entry leaves when its {@code Ack} arrives, when it times out, or
 * when the pool closes. Thread-safe.
 */
final class PendingAcks {

    private final Map<Integer, MonoSink<AckMessage>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final Duration timeout;

    PendingAcks(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Takes a fresh ack id, lets {@code send} send the message carrying it (false: it could not be
     * sent), and emits the service's {@code Ack}; fails with a {@link TimeoutException} after the
     * timeout, or with {@code notSent} when {@code send} returned false.
     */
    Mono<AckMessage> await(IntPredicate send, RuntimeException notSent) {
        return Mono.<AckMessage>create(sink -> {
            int id = nextId.updateAndGet(n -> n == Integer.MAX_VALUE ? 1 : n + 1);
            pending.put(id, sink);
            sink.onDispose(() -> pending.remove(id, sink));
            if (!send.test(id) && pending.remove(id, sink)) {
                sink.error(notSent);
            }
        }).timeout(timeout, Mono.error(() -> new TimeoutException(
                "The service did not acknowledge within " + timeout.toMillis() + " ms")));
    }

    /** An {@code Ack} arrived. */
    void acknowledged(AckMessage ack) {
        MonoSink<AckMessage> sink = pending.remove(ack.ackId());
        if (sink != null) {
            sink.success(ack);
        }
    }

    int size() {
        return pending.size();
    }

    /** Fails every pending acknowledgement. */
    void close(RuntimeException error) {
        for (Integer id : List.copyOf(pending.keySet())) {
            MonoSink<AckMessage> sink = pending.remove(id);
            if (sink != null) {
                sink.error(error);
            }
        }
    }
}
