package io.hubkit.core.backplane;

import io.hubkit.core.HubException;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocolException;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.InvocationBinder;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * For scale-out backplanes: the client results this server awaits from connections held elsewhere
 * (another app server, a hub service), by invocation id. Ids are 16 random bytes in base64 without
 * padding (22 characters, as ASP.NET Core makes them), so they never clash with a connection's own
 * {@code s<n>} ids. The client's Completion comes back as the bytes it wrote, in its protocol, and
 * is bound here to the type the caller asked for.
 *
 * <p>An entry leaves the table when its answer arrives, when its waiter cancels (the caller's
 * timeout), when it is failed (its connection is gone, the bus said so) or when the backplane
 * closes. Thread-safe; nothing blocks.
 */
public final class RemoteClientResults {

    private static final Logger log = LoggerFactory.getLogger(RemoteClientResults.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(String connectionId, Type resultType, MonoSink<Object> sink) {
    }

    private final HubProtocols protocols;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final InvocationBinder binder = new ResultBinder();
    private volatile boolean closed;

    /** @param protocols the hub's protocols, in which clients may answer */
    public RemoteClientResults(HubProtocols protocols) {
        this.protocols = protocols;
    }

    /** A fresh invocation id. */
    public static String nextId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Registers {@code invocationId}, then subscribes {@code delivery}, which sends the invocation on
     * its way and emits whether it reached the connection's holder ({@code false}: the connection does
     * not exist) or fails with the reason to give the caller. Completes with the client's result.
     */
    public Mono<Object> await(String invocationId, String connectionId, Type resultType, Mono<Boolean> delivery) {
        return Mono.create(sink -> {
            if (closed) {
                sink.error(new HubException("Connection '" + connectionId + "' disconnected."));
                return;
            }
            Pending entry = new Pending(connectionId, resultType, sink);
            pending.put(invocationId, entry);
            sink.onDispose(() -> pending.remove(invocationId, entry));
            delivery.subscribe(reached -> {
                if (!reached && pending.remove(invocationId, entry)) {
                    sink.error(new HubException("Connection '" + connectionId + "' does not exist."));
                }
            }, error -> {
                if (pending.remove(invocationId, entry)) {
                    sink.error(error);
                }
            });
        });
    }

    /**
     * A client's Completion came back: {@code completion} holds one message in {@code protocolName}
     * as the client wrote it. {@code invocationId} is the id the bus carried it under, or
     * {@code null} when the bus only has the message's own id; with an id, an answer that cannot be
     * read fails that result, without one it is logged and dropped. Late or foreign answers are ignored.
     */
    public void complete(String invocationId, String protocolName, byte[] completion) {
        HubProtocol protocol = protocols.find(protocolName);
        if (protocol == null) {
            reject(invocationId, "The client answered in protocol '" + protocolName
                    + "', which this hub does not offer", null);
            return;
        }
        HubMessage message;
        try {
            message = protocol.parseMessage(ByteBuffer.wrap(completion), binder);
        } catch (RuntimeException e) {
            reject(invocationId, "The client's result could not be read: " + e.getMessage(), e);
            return;
        }
        if (!(message instanceof CompletionMessage result)) {
            reject(invocationId, "The client's answer is not a Completion", null);
            return;
        }
        String id = invocationId != null ? invocationId : result.invocationId();
        Pending entry = id == null ? null : pending.remove(id);
        if (entry == null) {
            return; // late (timed out) or not ours
        }
        if (result.error() != null) {
            entry.sink().error(new HubException(result.error()));
        } else if (result.result() != null) {
            entry.sink().success(result.result());
        } else {
            entry.sink().success();
        }
    }

    /** Fails the result awaited under {@code invocationId} with {@code error} as its message, if any. */
    public void fail(String invocationId, String error) {
        Pending entry = invocationId == null ? null : pending.remove(invocationId);
        if (entry != null) {
            entry.sink().error(new HubException(error));
        }
    }

    /** The connections results are awaited from (a snapshot). */
    public Set<String> awaitedConnections() {
        return pending.values().stream().map(Pending::connectionId).collect(Collectors.toSet());
    }

    /** The connection is gone: fails every result awaited from it. */
    public void connectionGone(String connectionId) {
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (e.getValue().connectionId().equals(connectionId) && pending.remove(e.getKey(), e.getValue())) {
                e.getValue().sink().error(new HubException("Connection '" + connectionId + "' disconnected."));
            }
        }
    }

    /** How many results are awaited. */
    public int size() {
        return pending.size();
    }

    /** Fails every awaited result; later ones fail at once. */
    public void close() {
        closed = true;
        for (String id : List.copyOf(pending.keySet())) {
            Pending entry = pending.remove(id);
            if (entry != null) {
                entry.sink().error(new HubException("The server stopped before connection '" + entry.connectionId()
                        + "' answered."));
            }
        }
    }

    private void reject(String invocationId, String reason, RuntimeException cause) {
        if (invocationId != null) {
            fail(invocationId, reason);
        } else {
            log.warn("Dropped a client result: {}", reason, cause);
        }
    }

    /** Binds a Completion's result to the type its caller asked for. */
    private final class ResultBinder implements InvocationBinder {

        @Override
        public List<Type> parameterTypes(String target) {
            throw new HubProtocolException("Method does not exist.");
        }

        @Override
        public Type returnType(String invocationId) {
            Pending entry = invocationId == null ? null : pending.get(invocationId);
            return entry == null ? null : entry.resultType();
        }

        @Override
        public Type streamItemType(String streamId) {
            return Object.class;
        }
    }
}
