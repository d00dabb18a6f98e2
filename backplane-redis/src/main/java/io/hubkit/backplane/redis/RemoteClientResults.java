package io.hubkit.backplane.redis;

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
 * Client results this server awaits from connections that live on other servers, by invocation
 * id. Ids are 16 random bytes in base64 without padding (22 characters, as ASP.NET Core makes
 * them), so they never clash with a connection's own {@code s<n>} ids. An entry leaves the table
 * when its Completion arrives, when its waiter cancels (timeout), when its connection is found
 * gone, or when the backplane closes. Thread-safe.
 */
final class RemoteClientResults {

    private static final Logger log = LoggerFactory.getLogger(RemoteClientResults.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(String connectionId, Type resultType, MonoSink<Object> sink) {
    }

    private final HubProtocols protocols;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final InvocationBinder binder = new ResultBinder();
    private volatile boolean closed;

    RemoteClientResults(HubProtocols protocols) {
        this.protocols = protocols;
    }

    /** A fresh invocation id. */
    static String nextId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Registers {@code invocationId}, then subscribes {@code publish} (which emits whether the
     * invocation reached the connection's server); completes with the client's result.
     */
    Mono<Object> await(String invocationId, String connectionId, Type resultType, Mono<Boolean> publish) {
        return Mono.create(sink -> {
            if (closed) {
                sink.error(new HubException("Connection '" + connectionId + "' disconnected."));
                return;
            }
            Pending entry = new Pending(connectionId, resultType, sink);
            pending.put(invocationId, entry);
            sink.onDispose(() -> pending.remove(invocationId, entry));
            publish.subscribe(reached -> {
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

    /** A Completion arrived on this server's return channel. */
    void complete(RedisCompletion completion) {
        HubProtocol protocol = protocols.find(completion.protocolName());
        if (protocol == null) {
            log.warn("Dropped a client result in protocol '{}', which this hub does not offer (servers with "
                    + "different protocols share this Redis)", completion.protocolName());
            return;
        }
        HubMessage message;
        try {
            message = protocol.parseMessage(ByteBuffer.wrap(completion.completion()), binder);
        } catch (RuntimeException e) {
            log.warn("Dropped an unreadable client result", e);
            return;
        }
        if (!(message instanceof CompletionMessage result)) {
            log.warn("Dropped a client result that is not a Completion: {}", message);
            return;
        }
        Pending entry = result.invocationId() == null ? null : pending.remove(result.invocationId());
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

    /** The connections results are awaited from (a snapshot). */
    Set<String> awaitedConnections() {
        return pending.values().stream().map(Pending::connectionId).collect(Collectors.toSet());
    }

    /** The connection is gone: fails every result awaited from it. */
    void connectionGone(String connectionId) {
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (e.getValue().connectionId().equals(connectionId) && pending.remove(e.getKey(), e.getValue())) {
                e.getValue().sink().error(new HubException("Connection '" + connectionId + "' disconnected."));
            }
        }
    }

    int size() {
        return pending.size();
    }

    /** Fails every awaited result; later ones fail at once. */
    void close() {
        closed = true;
        for (String id : List.copyOf(pending.keySet())) {
            Pending entry = pending.remove(id);
            if (entry != null) {
                entry.sink().error(new HubException("The server stopped before connection '" + entry.connectionId()
                        + "' answered."));
            }
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
