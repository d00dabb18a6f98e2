package io.hubkit.backplane.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channels one backplane wants to hear, reference-counted: the first {@link #acquire} of a
 * channel subscribes, the last {@link #release} unsubscribes. This is the <em>desired</em> state;
 * after Redis comes back, {@link #restore()} subscribes it all again (including channels whose
 * subscribe was rejected while Redis was away), and a message on a channel nobody wants any more
 * (an unsubscribe that was lost in an outage) makes {@link #dropIfUnwanted} unsubscribe it.
 *
 * <p>Thread-safe. State changes hold this object's lock while they issue their Redis command, so
 * subscribe and unsubscribe of one channel reach Redis in the order the reference count changed.
 * A channel is <em>active</em> once Redis confirmed it and until the connection is lost or the
 * channel released; {@link #isActive} is lock-free.
 */
final class ChannelSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(ChannelSubscriptions.class);

    /** One wanted channel. Fields are guarded by the registry's lock; {@code confirmed} is read without it. */
    private static final class Entry {
        int count;
        long generation;
        volatile boolean confirmed;
        CompletableFuture<Void> subscribed;
    }

    private final RedisBus bus;
    private final Consumer<String> onInactive;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private long generations;

    /**
     * @param bus        where the commands go
     * @param onInactive told (under no lock guarantee) when a channel stops being active, so that
     *                   whoever waits for messages on it can stop waiting
     */
    ChannelSubscriptions(RedisBus bus, Consumer<String> onInactive) {
        this.bus = bus;
        this.onInactive = onInactive;
    }

    /**
     * Wants {@code channel} once more. Completes when the subscription is in effect, or at once
     * (successfully) while Redis is unreachable: it is then subscribed when Redis comes back. Fails
     * if Redis is connected but refused or timed out.
     */
    CompletableFuture<Void> acquire(String channel) {
        synchronized (this) {
            Entry entry = entries.get(channel);
            if (entry == null) {
                entry = new Entry();
                entries.put(channel, entry);
                subscribe(channel, entry);
            }
            entry.count++;
            return entry.subscribed;
        }
    }

    /** Wants {@code channel} once less; unsubscribes when nobody wants it any more. */
    void release(String channel) {
        synchronized (this) {
            Entry entry = entries.get(channel);
            if (entry == null || --entry.count > 0) {
                return;
            }
            entries.remove(channel);
            entry.generation = ++generations;
            entry.confirmed = false;
            unsubscribe(channel);
        }
        onInactive.accept(channel);
    }

    /** Whether Redis confirmed the subscription to {@code channel} and it is still wanted. */
    boolean isActive(String channel) {
        Entry entry = entries.get(channel);
        return entry != null && entry.confirmed;
    }

    /** Completes when the subscription to a wanted {@code channel} is in effect (as {@link #acquire}); at once if unwanted. */
    CompletableFuture<Void> whenSubscribed(String channel) {
        synchronized (this) {
            Entry entry = entries.get(channel);
            return entry == null ? CompletableFuture.completedFuture(null) : entry.subscribed;
        }
    }

    /** Whether anybody on this server wants {@code channel}. */
    boolean isWanted(String channel) {
        return entries.containsKey(channel);
    }

    /** How many channels are wanted. */
    int size() {
        return entries.size();
    }

    /** How many wanted channels Redis has not confirmed (yet, or since the connection was lost). */
    int pending() {
        int pending = 0;
        for (Entry entry : entries.values()) {
            if (!entry.confirmed) {
                pending++;
            }
        }
        return pending;
    }

    /** Unsubscribes {@code channel} unless it is wanted: a stale subscription (e.g. one Redis restored after an outage). */
    void dropIfUnwanted(String channel) {
        synchronized (this) {
            if (!entries.containsKey(channel)) {
                unsubscribe(channel);
            }
        }
    }

    /** Redis went away: no subscription is in effect any more. */
    void connectionLost() {
        List<String> channels = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                e.getValue().confirmed = false;
                channels.add(e.getKey());
            }
        }
        channels.forEach(onInactive);
    }

    /**
     * Redis is back: subscribes every wanted channel again (harmless for those Lettuce restored
     * itself). Completes with {@code true} when Redis confirmed every one, {@code false} if any
     * failed (the caller may try again).
     */
    CompletableFuture<Boolean> restore() {
        List<CompletableFuture<Boolean>> results = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                results.add(subscribe(e.getKey(), e.getValue()));
            }
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(done -> results.stream().allMatch(CompletableFuture::join));
    }

    /** Issues SUBSCRIBE for {@code entry}; caller holds the lock. Completes with whether Redis confirmed it. */
    private CompletableFuture<Boolean> subscribe(String channel, Entry entry) {
        long generation = ++generations;
        entry.generation = generation;
        entry.confirmed = false;
        CompletableFuture<Void> command;
        try {
            command = bus.subscribe(channel);
        } catch (RuntimeException e) {
            command = CompletableFuture.failedFuture(e);
        }
        // one stage runs first (confirming), both results hang off it, so a caller of acquire sees the channel active
        CompletableFuture<Throwable> outcome = command.handle((ok, error) -> error);
        CompletableFuture<Boolean> confirmed = outcome.thenApply(error -> error == null && confirm(channel, entry, generation));
        entry.subscribed = confirmed.thenCombine(outcome, (done, error) -> {
            if (error == null) {
                return null;
            }
            if (!bus.isConnected()) {
                log.debug("Subscribing {} while Redis is unreachable; it is subscribed when Redis is back", channel);
                return null;
            }
            log.warn("Subscribing {} failed", channel, error);
            throw new RedisBackplaneException("Subscribing to Redis channel '" + channel + "' failed", error);
        });
        return confirmed;
    }

    /**
     * Marks the subscription of this generation confirmed. Returns {@code false} when it could not be,
     * because the bus is not fully connected yet (one of its connections may come back after the
     * other): the caller retries. A superseded generation or a released channel counts as done.
     */
    private boolean confirm(String channel, Entry entry, long generation) {
        synchronized (this) {
            if (entries.get(channel) != entry || entry.generation != generation) {
                return true;
            }
            if (!bus.isConnected()) {
                return false;
            }
            entry.confirmed = true;
            return true;
        }
    }

    /** Issues UNSUBSCRIBE; a failure is logged (a stale subscription is dropped later, see {@link #dropIfUnwanted}). */
    private void unsubscribe(String channel) {
        CompletableFuture<Void> command;
        try {
            command = bus.unsubscribe(channel);
        } catch (RuntimeException e) {
            command = CompletableFuture.failedFuture(e);
        }
        command.whenComplete((ok, error) -> {
            if (error != null) {
                log.debug("Unsubscribing {} failed: {}", channel, error.toString());
            }
        });
    }
}
