package io.hubkit.backplane.redis;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Waits for this server's own publishes to come back on its subscriptions. Payloads carry no
 * origin (as in ASP.NET Core), so a server delivers all, group and user sends to its own
 * connections when Redis echoes them; a send completes only once that echo was delivered, so
 * that, as the {@link io.hubkit.core.backplane.Backplane} contract says, the local targets have the
 * message queued when the send completes (and a caller's next send cannot overtake it).
 *
 * <p>An echo is recognised by its bytes on its channel. A byte-identical message from another
 * server may be taken for it, which is harmless: the same message was then delivered, and Redis
 * keeps this server's publishes in order. Thread-safe.
 */
final class EchoTracker {

    /** One publish waiting for its echo. */
    static final class Pending {
        final byte[] payload;
        final CompletableFuture<Void> delivered = new CompletableFuture<>();

        Pending(byte[] payload) {
            this.payload = payload;
        }
    }

    private final Map<String, Queue<Pending>> byChannel = new ConcurrentHashMap<>();

    /** Registers a publish about to go out on {@code channel}; call before publishing. */
    Pending expect(String channel, byte[] payload) {
        Pending pending = new Pending(payload);
        byChannel.compute(channel, (key, queue) -> {
            Queue<Pending> q = queue == null ? new ConcurrentLinkedQueue<>() : queue;
            q.add(pending);
            return q;
        });
        return pending;
    }

    /** A message arrived (and was delivered) on {@code channel}: completes the first publish it echoes. */
    void arrived(String channel, byte[] payload) {
        Queue<Pending> queue = byChannel.get(channel);
        if (queue == null) {
            return;
        }
        for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
            Pending pending = it.next();
            if (Arrays.equals(pending.payload, payload)) {
                if (queue.remove(pending)) {
                    pending.delivered.complete(null);
                }
                break;
            }
        }
        cleanUp(channel, queue);
    }

    /** Stops waiting for {@code pending} (its publish failed or took too long). */
    void forget(String channel, Pending pending) {
        Queue<Pending> queue = byChannel.get(channel);
        if (queue != null && queue.remove(pending)) {
            cleanUp(channel, queue);
        }
        pending.delivered.complete(null);
    }

    /** No echo will come on {@code channel} (unsubscribed, or the connection was lost): stops waiting. */
    void channelInactive(String channel) {
        Queue<Pending> queue = byChannel.remove(channel);
        if (queue != null) {
            Pending pending;
            while ((pending = queue.poll()) != null) {
                pending.delivered.complete(null);
            }
        }
    }

    /** Stops waiting on every channel. */
    void clear() {
        for (String channel : byChannel.keySet()) {
            channelInactive(channel);
        }
    }

    /** Drops an empty queue, atomically with {@link #expect}'s additions to it. */
    private void cleanUp(String channel, Queue<Pending> queue) {
        if (queue.isEmpty()) {
            byChannel.computeIfPresent(channel, (key, q) -> q == queue && q.isEmpty() ? null : q);
        }
    }
}
