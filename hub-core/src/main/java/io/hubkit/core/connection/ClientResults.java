package io.hubkit.core.connection;

import io.hubkit.core.HubException;
import io.hubkit.core.protocol.CompletionMessage;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import reactor.core.publisher.MonoSink;

/**
 * The client results one connection is waiting for, keyed by the server's invocation ids
 * ({@code s1}, {@code s2}, … — the {@code s} prefix keeps them apart from the client's own stream
 * ids). Thread-safe. A pending result leaves the table when its Completion arrives, when its
 * caller cancels (e.g. on timeout), or when the connection ends. The table is created with the
 * first client result: most connections never await one.
 */
final class ClientResults {

    private record Pending(Type resultType, MonoSink<Object> sink) {
    }

    private static final AtomicLongFieldUpdater<ClientResults> LAST_ID =
            AtomicLongFieldUpdater.newUpdater(ClientResults.class, "lastId");
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<ClientResults, Map> PENDING =
            AtomicReferenceFieldUpdater.newUpdater(ClientResults.class, Map.class, "pending");

    private volatile long lastId;
    private volatile Map<String, Pending> pending;
    private volatile Throwable closedWith;

    String nextId() {
        return "s" + LAST_ID.incrementAndGet(this);
    }

    /** Registers {@code invocationId}; false if the connection has already ended (the sink is then failed). */
    boolean register(String invocationId, Type resultType, MonoSink<Object> sink) {
        Map<String, Pending> pending = table();
        pending.put(invocationId, new Pending(resultType, sink));
        sink.onDispose(() -> pending.remove(invocationId));
        Throwable closed = closedWith;
        if (closed != null && pending.remove(invocationId) != null) {
            sink.error(closed);
            return false;
        }
        return true;
    }

    /** The type the result of {@code invocationId} binds to, or {@code null} if no such result is awaited. */
    Type resultType(String invocationId) {
        Map<String, Pending> pending = this.pending;
        Pending p = invocationId == null || pending == null ? null : pending.get(invocationId);
        return p == null ? null : p.resultType();
    }

    /** Completes a pending result; false when the id is unknown (then the Completion belongs to someone else or is late). */
    boolean complete(CompletionMessage completion) {
        String id = completion.invocationId();
        Map<String, Pending> pending = this.pending;
        Pending p = id == null || pending == null ? null : pending.remove(id);
        if (p == null) {
            return false;
        }
        if (completion.error() != null) {
            p.sink().error(new HubException(completion.error()));
        } else if (completion.result() != null) {
            p.sink().success(completion.result());
        } else {
            p.sink().success();
        }
        return true;
    }

    /** Fails every pending result, and every later one, with {@code error}. */
    void closeAll(HubException error) {
        closedWith = error;
        Map<String, Pending> pending = this.pending;
        if (pending == null) {
            return;
        }
        for (String id : pending.keySet()) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.sink().error(error);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Pending> table() {
        Map<String, Pending> table = pending;
        if (table == null) {
            PENDING.compareAndSet(this, null, new ConcurrentHashMap<String, Pending>());
            table = pending;
        }
        return table;
    }
}
