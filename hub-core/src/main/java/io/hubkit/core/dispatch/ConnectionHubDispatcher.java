package io.hubkit.core.dispatch;

import io.hubkit.core.HubException;
import io.hubkit.core.connection.ConnectionDispatcher;
import io.hubkit.core.connection.ErrorMessages;
import io.hubkit.core.connection.HubConnection;
import io.hubkit.core.context.ConnectionCallerClients;
import io.hubkit.core.context.ConnectionCallerContext;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.core.protocol.CancelInvocationMessage;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubInvocationMessage;
import io.hubkit.core.protocol.HubProtocolException;
import io.hubkit.core.protocol.InvocationBinder;
import io.hubkit.core.protocol.InvocationBindingFailureMessage;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.StreamBindingFailureMessage;
import io.hubkit.core.protocol.StreamInvocationMessage;
import io.hubkit.core.protocol.StreamItemMessage;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The dispatcher of one connection: runs its invocations on the shared hub bean, answers them
 * with the texts of ASP.NET Core SignalR, feeds its upload streams, sends its server streams and
 * honours its cancellations. Also the connection's {@link InvocationBinder}.
 *
 * <p>Called by the connection's receive loop one message at a time. Invocations without streams
 * take a slot of the connection's {@link InvocationLimiter}; when none is free, the returned Mono
 * makes the loop wait. Invocations with upload streams and streaming invocations take no slot, so
 * the loop can keep feeding them. A non-blocking invocation (no id) is never answered, not even
 * with an error.
 *
 * <p>Once {@linkplain #drain() draining} (a graceful shutdown), invocations that arrive are not
 * started, and the drain completes when every non-streaming invocation already started has
 * answered; stream items and completions of running upload streams are still taken.
 */
final class ConnectionHubDispatcher implements ConnectionDispatcher, InvocationBinder {

    private static final Logger log = LoggerFactory.getLogger(ConnectionHubDispatcher.class);
    private static final Mono<Void> DONE = Mono.empty();

    private final HubDispatcher hubDispatcher;
    private final HubMethodCatalog catalog;
    private final Object hub;
    private final HubConnection connection;
    private final HubCallerContext context;
    private final HubCallerClients clients;
    private final GroupManager groups;
    private final InvocationLimiter limiter;
    private final boolean detailedErrors;
    private final int streamBufferCapacity;
    /** Upload streams and server streams by id, created with the first stream (most connections have none). */
    private volatile Map<String, UploadStream> uploadTable;
    private volatile Map<String, ServerStreamSender> streamTable;
    private final AtomicInteger running = new AtomicInteger();
    /** Created by the first {@link #drain()} (a graceful shutdown). */
    private volatile Sinks.Empty<Void> drainedSink;
    private volatile boolean closed;
    private volatile boolean draining;

    ConnectionHubDispatcher(HubDispatcher hubDispatcher, HubConnection connection) {
        this.hubDispatcher = hubDispatcher;
        this.catalog = hubDispatcher.catalog();
        this.hub = hubDispatcher.hub();
        this.connection = connection;
        this.context = new ConnectionCallerContext(connection);
        this.clients = new ConnectionCallerClients(hubDispatcher.clients(), connection.connectionId());
        this.groups = hubDispatcher.groups();
        this.limiter = new InvocationLimiter(hubDispatcher.options().maximumParallelInvocationsPerClient());
        this.detailedErrors = hubDispatcher.options().enableDetailedErrors();
        this.streamBufferCapacity = hubDispatcher.options().streamBufferCapacity();
    }

    // ---- InvocationBinder ---------------------------------------------------------------------

    @Override
    public InvocationBinder binder() {
        return this;
    }

    @Override
    public List<Type> parameterTypes(String target) {
        HubMethod method = catalog.find(target);
        if (method == null) {
            throw new HubProtocolException("Method does not exist.");
        }
        return method.wireTypes();
    }

    @Override
    public Type returnType(String invocationId) {
        return null; // this side awaits no results: client results belong to the connection
    }

    @Override
    public Type streamItemType(String streamId) {
        UploadStream stream = streamId == null ? null : upload(streamId, false);
        return stream == null ? Object.class : stream.itemType();
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    @Override
    public Mono<Void> onConnected() {
        HubLifetimeContext lifetime = new HubLifetimeContext(hub, context, clients, groups);
        return hubDispatcher.filters().onConnected(lifetime, c -> callback(catalog.onConnected(), c, null));
    }

    @Override
    public Mono<Void> onDisconnected(Throwable error) {
        HubLifetimeContext lifetime = new HubLifetimeContext(hub, context, clients, groups);
        return hubDispatcher.filters().onDisconnected(lifetime, error,
                (c, e) -> callback(catalog.onDisconnected(), c, e));
    }

    @Override
    public Mono<Void> drain() {
        draining = true;
        if (running.get() == 0) {
            drained().tryEmitEmpty();
        }
        return drained().asMono();
    }

    @Override
    public void connectionClosed() {
        closed = true;
        Map<String, ServerStreamSender> senders = streamTable;
        if (senders != null) {
            for (ServerStreamSender sender : senders.values()) {
                sender.connectionClosed();
            }
            senders.clear();
        }
        Map<String, UploadStream> streams = uploadTable;
        if (streams != null) {
            CancellationException gone = new CancellationException("The underlying connection was closed.");
            for (UploadStream stream : streams.values()) {
                stream.complete(gone);
            }
            streams.clear();
        }
    }

    private Mono<Void> callback(HubMethod method, HubLifetimeContext lifetime, Throwable error) {
        if (method == null) {
            return Mono.empty();
        }
        Object[] args = new Object[method.parameters().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = switch (method.parameters().get(i).source()) {
                case CALLER_CONTEXT -> lifetime.context();
                case CALLER_CLIENTS -> lifetime.clients();
                case GROUPS -> lifetime.groups();
                case PRINCIPAL -> principalFor(method.parameters().get(i));
                case ERROR -> error;
                case WIRE, UPLOAD_STREAM -> null;
            };
        }
        return method.invoke(lifetime.hub(), args).then();
    }

    // ---- dispatch -------------------------------------------------------------------------------

    @Override
    public Mono<Void> dispatch(HubInvocationMessage message) {
        if (message instanceof InvocationMessage m) {
            return invocation(m.invocationId(), m.target(), m.arguments(), m.streamIds(), false);
        }
        if (message instanceof StreamInvocationMessage m) {
            return invocation(m.invocationId(), m.target(), m.arguments(), m.streamIds(), true);
        }
        if (message instanceof StreamItemMessage m) {
            UploadStream stream = upload(m.invocationId(), false);
            Mono<Void> wait = stream == null ? null : stream.push(m.item());
            return wait == null ? DONE : wait;
        }
        if (message instanceof CompletionMessage m) {
            UploadStream stream = m.invocationId() == null ? null : upload(m.invocationId(), true);
            if (stream != null) {
                stream.complete(m.error() == null ? null : new HubException(m.error()));
            }
            return DONE;
        }
        if (message instanceof CancelInvocationMessage m) {
            ServerStreamSender sender = m.invocationId() == null || streamTable == null ? null : streamTable.get(m.invocationId());
            if (sender != null) {
                sender.cancelByClient();
            }
            return DONE;
        }
        if (message instanceof InvocationBindingFailureMessage failure) {
            bindingFailure(failure);
            return DONE;
        }
        if (message instanceof StreamBindingFailureMessage failure) {
            UploadStream stream = failure.invocationId() == null ? null : upload(failure.invocationId(), true);
            if (stream != null) {
                String text = ErrorMessages.build("Failed to bind Stream message.", failure.failure(), detailedErrors);
                stream.complete(new HubException(text, failure.failure()));
            }
            return DONE;
        }
        return DONE;
    }

    private void bindingFailure(InvocationBindingFailureMessage failure) {
        if (!hasId(failure.invocationId())) {
            log.debug("Binding non-blocking invocation of '{}' failed: {}", failure.target(), failure.failure().getMessage());
            return;
        }
        Throwable cause = catalog.find(failure.target()) == null
                ? new HubException("Method does not exist.")
                : failure.failure();
        sendError(failure.invocationId(), ErrorMessages.build(
                "Failed to invoke '" + failure.target() + "' due to an error on the server.", cause, detailedErrors));
    }

    private Mono<Void> invocation(String invocationId, String target, List<Object> arguments, List<String> streamIds,
                                  boolean streamResponse) {
        boolean answer = hasId(invocationId);
        HubMethod method = catalog.find(target);
        if (method == null) {
            if (answer) {
                sendError(invocationId, ErrorMessages.build("Failed to invoke '" + target
                        + "' due to an error on the server.", new HubException("Method does not exist."), detailedErrors));
            }
            return DONE;
        }
        if (method.isStreaming() && !streamResponse) {
            if (answer) {
                sendError(invocationId, "The client attempted to invoke the streaming '" + target
                        + "' method with a non-streaming invocation.");
            }
            return DONE;
        }
        if (!method.isStreaming() && streamResponse) {
            sendError(invocationId, "The client attempted to invoke the non-streaming '" + target
                    + "' method with a streaming invocation.");
            return DONE;
        }
        int clientStreams = streamIds == null ? 0 : streamIds.size();
        int expectedStreams = method.uploadTypes().size();
        if (clientStreams != expectedStreams) {
            if (answer) {
                sendError(invocationId, ErrorMessages.build(unexpectedError(target), new HubException("Client sent "
                        + clientStreams + " stream(s), Hub method expects " + expectedStreams + "."), detailedErrors));
            }
            return DONE;
        }
        if (arguments.size() != method.wireTypes().size()) {
            if (answer) {
                sendError(invocationId, ErrorMessages.build("Failed to invoke '" + target
                        + "' due to an error on the server.", new HubProtocolException("Invocation provides "
                        + arguments.size() + " argument(s) but target expects " + method.wireTypes().size() + "."),
                        detailedErrors));
            }
            return DONE;
        }
        if (streamResponse ? draining : !acceptedWhileRunning()) {
            log.debug("Not starting '{}' on connection {}: the server is shutting down", target,
                    connection.connectionId());
            return DONE;
        }
        HubInvocation call = new HubInvocation(this, method, target, invocationId, arguments,
                streamIds == null ? List.of() : streamIds);
        if (streamResponse) {
            ServerStreamSender sender = new ServerStreamSender(connection, invocationId, detailedErrors, call::finished);
            if (streams().putIfAbsent(invocationId, sender) != null) {
                sendError(invocationId, "Invocation ID '" + invocationId + "' is already in use.");
                return DONE;
            }
            call.startStream(sender);
            return DONE;
        }
        if (clientStreams > 0) {
            call.start(false);
            return DONE;
        }
        if (limiter.tryAcquire()) {
            call.start(true);
            return DONE;
        }
        return limiter.acquire().then(Mono.fromRunnable(() -> call.start(true)));
    }

    void sendError(String invocationId, String error) {
        connection.send(CompletionMessage.withError(invocationId, error));
    }

    static boolean hasId(String invocationId) {
        return invocationId != null && !invocationId.isEmpty();
    }

    static String unexpectedError(String target) {
        return "An unexpected error occurred invoking '" + target + "' on the server.";
    }

    Object principalFor(HubParameter parameter) {
        Object principal = connection.principal();
        return principal != null && ((Class<?>) parameter.type()).isInstance(principal) ? principal : null;
    }

    // ---- what a running invocation needs -------------------------------------------------------

    Object hub() {
        return hub;
    }

    FilterChain filters() {
        return hubDispatcher.filters();
    }

    HubCallerContext context() {
        return context;
    }

    HubCallerClients clients() {
        return clients;
    }

    GroupManager groups() {
        return groups;
    }

    HubConnection connection() {
        return connection;
    }

    boolean detailedErrors() {
        return detailedErrors;
    }

    boolean isClosed() {
        return closed;
    }

    /** A new upload stream for {@code streamId}, fed by the receive loop from now on. */
    UploadStream openUpload(String streamId, Type itemType) {
        UploadStream stream = new UploadStream(itemType, streamBufferCapacity);
        uploads().put(streamId, stream);
        return stream;
    }

    /** Ends an invocation's upload stream (if the client has not already) and forgets it. */
    void closeUpload(String streamId, UploadStream stream) {
        uploads().remove(streamId, stream);
        stream.complete(null);
    }

    void forgetStream(String invocationId, ServerStreamSender sender) {
        streams().remove(invocationId, sender);
    }

    void releaseSlot() {
        limiter.release();
    }

    /**
     * Counts a non-streaming invocation as running unless the dispatcher is draining. Counting
     * before looking at the flag (while {@link #drain()} sets the flag before looking at the count)
     * means a drain never misses an invocation that started.
     */
    private boolean acceptedWhileRunning() {
        running.incrementAndGet();
        if (draining) {
            invocationAnswered();
            return false;
        }
        return true;
    }

    /** A non-streaming invocation has answered (or will never answer): the drain may complete. */
    void invocationAnswered() {
        if (running.decrementAndGet() == 0 && draining) {
            drained().tryEmitEmpty();
        }
    }

    /** The upload stream {@code id} (taken out of the table when {@code remove}), or null. */
    private UploadStream upload(String id, boolean remove) {
        Map<String, UploadStream> table = uploadTable;
        if (table == null) {
            return null;
        }
        return remove ? table.remove(id) : table.get(id);
    }

    private Map<String, UploadStream> uploads() {
        Map<String, UploadStream> table = uploadTable;
        if (table == null) {
            synchronized (this) {
                table = uploadTable;
                if (table == null) {
                    table = new ConcurrentHashMap<>();
                    uploadTable = table;
                }
            }
        }
        return table;
    }

    private Map<String, ServerStreamSender> streams() {
        Map<String, ServerStreamSender> table = streamTable;
        if (table == null) {
            synchronized (this) {
                table = streamTable;
                if (table == null) {
                    table = new ConcurrentHashMap<>();
                    streamTable = table;
                }
            }
        }
        return table;
    }

    private Sinks.Empty<Void> drained() {
        Sinks.Empty<Void> sink = drainedSink;
        if (sink == null) {
            synchronized (this) {
                sink = drainedSink;
                if (sink == null) {
                    sink = Sinks.empty();
                    drainedSink = sink;
                }
            }
        }
        return sink;
    }
}
