package io.hubkit.backplane.service;

import io.hubkit.backplane.service.client.ServiceClientConnection;
import io.hubkit.backplane.service.client.ServiceClientConnections;
import io.hubkit.backplane.service.protocol.AckMessage;
import io.hubkit.backplane.service.protocol.AckStatus;
import io.hubkit.backplane.service.protocol.BroadcastDataMessage;
import io.hubkit.backplane.service.protocol.ClientCompletionMessage;
import io.hubkit.backplane.service.protocol.ClientInvocationMessage;
import io.hubkit.backplane.service.protocol.CloseConnectionMessage;
import io.hubkit.backplane.service.protocol.ConnectionDataMessage;
import io.hubkit.backplane.service.protocol.ConnectionReconnectMessage;
import io.hubkit.backplane.service.protocol.ErrorCompletionMessage;
import io.hubkit.backplane.service.protocol.GroupBroadcastDataMessage;
import io.hubkit.backplane.service.protocol.JoinGroupWithAckMessage;
import io.hubkit.backplane.service.protocol.LeaveGroupWithAckMessage;
import io.hubkit.backplane.service.protocol.MultiConnectionDataMessage;
import io.hubkit.backplane.service.protocol.MultiGroupBroadcastDataMessage;
import io.hubkit.backplane.service.protocol.MultiUserDataMessage;
import io.hubkit.backplane.service.protocol.OpenConnectionMessage;
import io.hubkit.backplane.service.protocol.ServiceEventMessage;
import io.hubkit.backplane.service.protocol.ServiceExtensions;
import io.hubkit.backplane.service.protocol.ServiceMessage;
import io.hubkit.backplane.service.protocol.UserDataMessage;
import io.hubkit.backplane.service.server.ServerConnection;
import io.hubkit.backplane.service.server.ServerConnectionListener;
import io.hubkit.backplane.service.server.ServerConnectionPool;
import io.hubkit.backplane.service.server.ServiceAccess;
import io.hubkit.core.HubException;
import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.backplane.RemoteClientResults;
import io.hubkit.core.backplane.BackplaneHubContext;
import io.hubkit.core.backplane.LocalConnections;
import io.hubkit.core.connection.HubConnection;
import io.hubkit.core.connection.HubConnectionHandler;
import io.hubkit.core.observe.BackplaneInspection;
import io.hubkit.core.observe.BackplaneStatus;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.RawResult;
import io.hubkit.core.protocol.SerializedHubMessage;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The {@link Backplane} of one hub whose clients are held by a hub service (HubKit's hub-service
 * or Azure SignalR Service in default mode): the clients connect to the service, which routes
 * each one to an app server over a server connection; this server runs the hub for the clients
 * routed to it, and every send goes to the service, which delivers it wherever the receivers are.
 *
 * <p><b>Mapping</b> (reference "How hub operations map to messages"): all / all-except →
 * {@code BroadcastData}; connection(s) → {@code MultiConnectionData} (a connection routed to this
 * server gets it down its own server connection instead, in order with the rest of its data); user / users →
 * {@code UserData} / {@code MultiUserData}; group / group-except / groups → {@code GroupBroadcastData}
 * / {@code MultiGroupBroadcastData}; add/remove to/from group → {@code JoinGroupWithAck} /
 * {@code LeaveGroupWithAck}, completing when the service acknowledges (a connection the service
 * does not know is not an error; no answer within the ack timeout is); client results →
 * {@code ClientInvocation}, or straight to the connection when it is routed to this server. The
 * invocation is encoded once per hub protocol into the payloads map.
 *
 * <p><b>Delivery and ordering.</b> A send completes once it is queued on a server connection; it
 * fails when no server connection is up. Sends go over one server connection at a time (see
 * {@link ServerConnectionPool}), so one caller's multi-target sends reach each client in order; a
 * send to a single connection routed to this server travels with that connection's own data, so
 * it keeps its order relative to what the hub writes to the connection but not relative to
 * multi-target sends made just before it (as with Azure SignalR Service).
 *
 * <p><b>Clients.</b> Nothing is routed here until {@link #attach} hands over the hub's
 * {@link HubConnectionHandler}: that opens the server connections. Thread-safe.
 */
public final class ServiceBackplane implements Backplane, BackplaneInspection {

    private static final Logger log = LoggerFactory.getLogger(ServiceBackplane.class);

    private final BackplaneHubContext hub;
    private final ServiceAccess access;
    private final String hubKey;
    private final LocalConnections local = new LocalConnections();
    private final ServiceClientConnections clients;
    private final RemoteClientResults results;
    private final ServerConnectionPool pool;
    private final Duration clientResultTimeout;
    private final Runnable onClose;
    private volatile boolean closed;

    ServiceBackplane(BackplaneHubContext hub, String hubKey, ServiceBackplaneOptions options, ServiceAccess access,
                     HttpClient httpClient, Runnable onClose) {
        this.hub = hub;
        this.hubKey = hubKey;
        this.access = access;
        this.onClose = onClose;
        this.clients = new ServiceClientConnections(hub.hubName(), options);
        this.results = new RemoteClientResults(hub.protocols());
        this.pool = new ServerConnectionPool(hubKey, access, httpClient, options, new Listener());
        this.clientResultTimeout = options.clientResultTimeout() != null
                ? options.clientResultTimeout() : hub.options().clientResultTimeout();
    }

    /** The hub's name. */
    public String hubName() {
        return hub.hubName();
    }

    /** The hub's key on the wire (lower case, with the application name if any). */
    public String hubKey() {
        return hubKey;
    }

    /**
     * Starts serving the hub: clients the service routes here run on {@code handler} (their
     * request path is {@code path} unless the service says otherwise), and the server connections
     * open. Idempotent.
     */
    public void attach(HubConnectionHandler handler, String path) {
        clients.attach(handler, path);
        pool.start();
    }

    /** This app server's id towards the service. */
    public String serverId() {
        return access.serverId();
    }

    /** The server connections. */
    public ServerConnectionPool pool() {
        return pool;
    }

    /** The client connections routed to this server. */
    public ServiceClientConnections clients() {
        return clients;
    }

    /**
     * Graceful shutdown: the service stops routing new clients here ({@code fin}/{@code finack},
     * bounded by the shutdown timeout). Clients already here stay until the hub closes them. Never fails.
     */
    public Mono<Void> shutdown() {
        return pool.shutdown();
    }

    @Override
    public Mono<Void> onConnected(HubConnection connection) {
        return Mono.fromRunnable(() -> local.add(connection));
    }

    @Override
    public Mono<Void> onDisconnected(HubConnection connection) {
        return Mono.fromRunnable(() -> local.remove(connection));
    }

    @Override
    public Mono<Void> sendAll(String method, Object[] args) {
        return send(() -> new BroadcastDataMessage(List.of(), payloads(method, args), ServiceExtensions.NONE));
    }

    @Override
    public Mono<Void> sendAllExcept(String method, Object[] args, Collection<String> excludedConnectionIds) {
        return send(() -> new BroadcastDataMessage(list(excludedConnectionIds), payloads(method, args),
                ServiceExtensions.NONE));
    }

    /**
     * A connection routed to this server gets the message down its own server connection, in its
     * protocol only (as the reference SDK does), so that it stays in order with what the hub writes
     * to it (e.g. after its handshake response); any other goes through the service.
     */
    @Override
    public Mono<Void> sendConnection(String connectionId, String method, Object[] args) {
        if (connectionId == null) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            HubConnection here = local.get(connectionId);
            if (here != null) {
                here.send(InvocationPayloads.serialized(method, args));
                return Mono.empty();
            }
            return pool.send(new MultiConnectionDataMessage(List.of(connectionId), payloads(method, args),
                    ServiceExtensions.NONE));
        });
    }

    /** As {@link #sendConnection}: the connections routed here directly, the others through the service. */
    @Override
    public Mono<Void> sendConnections(Collection<String> connectionIds, String method, Object[] args) {
        List<String> ids = list(connectionIds);
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            SerializedHubMessage message = InvocationPayloads.serialized(method, args);
            List<String> elsewhere = new ArrayList<>(ids.size());
            for (String id : ids) {
                HubConnection here = local.get(id);
                if (here != null) {
                    here.send(message);
                } else {
                    elsewhere.add(id);
                }
            }
            if (elsewhere.isEmpty()) {
                return Mono.empty();
            }
            return pool.send(new MultiConnectionDataMessage(elsewhere, InvocationPayloads.of(hub.protocols(), message),
                    ServiceExtensions.NONE));
        });
    }

    @Override
    public Mono<Void> sendGroup(String groupName, String method, Object[] args) {
        if (groupName == null) {
            return Mono.empty();
        }
        return send(() -> new GroupBroadcastDataMessage(groupName, List.of(), payloads(method, args),
                ServiceExtensions.NONE, List.of(), null));
    }

    @Override
    public Mono<Void> sendGroups(Collection<String> groupNames, String method, Object[] args) {
        List<String> groups = list(groupNames);
        if (groups.isEmpty()) {
            return Mono.empty();
        }
        return send(() -> new MultiGroupBroadcastDataMessage(groups, payloads(method, args), ServiceExtensions.NONE));
    }

    @Override
    public Mono<Void> sendGroupExcept(String groupName, String method, Object[] args,
                                      Collection<String> excludedConnectionIds) {
        if (groupName == null) {
            return Mono.empty();
        }
        return send(() -> new GroupBroadcastDataMessage(groupName, list(excludedConnectionIds),
                payloads(method, args), ServiceExtensions.NONE, List.of(), null));
    }

    @Override
    public Mono<Void> sendUser(String userId, String method, Object[] args) {
        if (userId == null) {
            return Mono.empty();
        }
        return send(() -> new UserDataMessage(userId, payloads(method, args), ServiceExtensions.NONE));
    }

    @Override
    public Mono<Void> sendUsers(Collection<String> userIds, String method, Object[] args) {
        List<String> users = list(userIds);
        if (users.isEmpty()) {
            return Mono.empty();
        }
        return send(() -> new MultiUserDataMessage(users, payloads(method, args), ServiceExtensions.NONE));
    }

    @Override
    public Mono<Void> addToGroup(String connectionId, String groupName) {
        return groupChange("add connection '" + connectionId + "' to group '" + groupName + "'",
                pool.sendWithAck(ackId -> new JoinGroupWithAckMessage(connectionId, groupName, ackId,
                        ServiceExtensions.NONE)));
    }

    @Override
    public Mono<Void> removeFromGroup(String connectionId, String groupName) {
        return groupChange("remove connection '" + connectionId + "' from group '" + groupName + "'",
                pool.sendWithAck(ackId -> new LeaveGroupWithAckMessage(connectionId, groupName, ackId,
                        ServiceExtensions.NONE)));
    }

    @Override
    public <T> Mono<T> invokeConnection(String connectionId, String method, Object[] args, Type resultType) {
        return Mono.defer(() -> {
            HubConnection here = local.get(connectionId);
            if (here != null) {
                return here.<T>invoke(method, args, resultType);
            }
            String invocationId = RemoteClientResults.nextId();
            Object[] arguments = args == null ? new Object[0] : args.clone();
            InvocationMessage invocation = new InvocationMessage(invocationId, method,
                    Collections.unmodifiableList(Arrays.asList(arguments)), null, Map.of());
            Map<String, byte[]> payloads = InvocationPayloads.of(hub.protocols(),
                    new SerializedHubMessage(invocation));
            Mono<Void> send = pool.send(new ClientInvocationMessage(invocationId, connectionId, access.serverId(),
                    payloads, ServiceExtensions.NONE));
            Mono<Boolean> delivery = send.thenReturn(true).onErrorMap(error -> new HubException(
                    "Invoking a method on connection '" + connectionId + "' failed: " + error.getMessage()));
            return results.await(invocationId, connectionId, resultType, delivery)
                    .timeout(clientResultTimeout, Mono.error(() -> new HubException("Connection '" + connectionId
                            + "' did not answer '" + method + "' within " + clientResultTimeout.toMillis() + " ms.")))
                    .map(result -> {
                        @SuppressWarnings("unchecked")
                        T typed = (T) result;
                        return typed;
                    });
        });
    }

    /**
     * Closes the hub's clients at the service ({@code CloseConnection}, so they reconnect to another
     * app server at once) while the server connections are still up, then the server connections;
     * pending client results fail. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ServiceClientConnection connection : clients.all()) {
            connection.abort("The app server is shutting down");
        }
        pool.close();
        results.close();
        onClose.run();
    }

    // ---- BackplaneInspection ------------------------------------------------------------------

    /** {@code service}. */
    @Override
    public String type() {
        return "service";
    }

    /**
     * Up while at least one server connection is up (before {@link #attach}, down). Details: the
     * hub key, the server id, the server connections' states, the clients routed here, pending
     * acknowledgements and client results, and the last connection error.
     */
    @Override
    public Mono<BackplaneStatus> status() {
        return Mono.fromSupplier(() -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("hub", hubKey);
            details.put("serverId", access.serverId());
            details.put("serverConnections", pool.describe());
            details.put("connectedServerConnections", pool.connections().size());
            details.put("clients", clients.size());
            details.put("pendingAcks", pool.pendingAcks());
            details.put("pendingClientResults", results.size());
            Throwable error = pool.lastError();
            if (error != null) {
                details.put("lastError", String.valueOf(error.getMessage()));
            }
            return pool.isConnected() ? BackplaneStatus.up(details) : BackplaneStatus.down(details);
        });
    }

    @Override
    public int localGroupCount() {
        return local.groupCount();
    }

    @Override
    public int localUserCount() {
        return local.userCount();
    }

    // ---- internals ----------------------------------------------------------------------------

    private Map<String, byte[]> payloads(String method, Object[] args) {
        return InvocationPayloads.of(hub.protocols(), method, args);
    }

    private Mono<Void> send(Supplier<ServiceMessage> message) {
        return Mono.defer(() -> pool.send(message.get()));
    }

    private static Mono<Void> groupChange(String what, Mono<AckMessage> acknowledged) {
        return acknowledged.onErrorMap(TimeoutException.class,
                        e -> new HubException("The service did not acknowledge the request to " + what + ": "
                                + e.getMessage()))
                .flatMap(ack -> {
                    AckStatus status = statusOf(ack.status());
                    if (status == AckStatus.OK || status == AckStatus.NOT_FOUND) {
                        return Mono.<Void>empty();
                    }
                    return Mono.error(new HubException("The service could not " + what + ": "
                            + (status == null ? "status " + ack.status() : status.name())
                            + (ack.message().isEmpty() ? "" : " (" + ack.message() + ")")));
                });
    }

    private static AckStatus statusOf(int code) {
        try {
            return AckStatus.of(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> list(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /** Runs a client result the service forwarded for a connection routed here, and reports the answer. */
    private void forwardedInvocation(ServerConnection from, ClientInvocationMessage invocation) {
        String connectionId = invocation.connectionId();
        HubConnection connection = local.get(connectionId);
        ServiceClientConnection client = clients.get(connectionId);
        ServerConnection carrier = client != null ? client.carrier() : from;
        if (connection == null) {
            carrier.send(new ErrorCompletionMessage(invocation.invocationId(), connectionId,
                    invocation.callerServerId(), "Connection '" + connectionId + "' disconnected.",
                    ServiceExtensions.NONE));
            return;
        }
        HubProtocol protocol = connection.protocol();
        String invocationId = invocation.invocationId();
        connection.<Object>awaitResult(invocationId, RawResult.class)
                .timeout(clientResultTimeout)
                .map(result -> CompletionMessage.withResult(invocationId, result))
                .defaultIfEmpty(CompletionMessage.empty(invocationId))
                .subscribe(completion -> carrier.send(new ClientCompletionMessage(invocationId, connectionId,
                                invocation.callerServerId(), protocol.name(), protocol.writeMessage(completion),
                                ServiceExtensions.NONE)),
                        error -> carrier.send(new ErrorCompletionMessage(invocationId, connectionId,
                                invocation.callerServerId(), error instanceof TimeoutException
                                        ? "Connection '" + connectionId + "' did not answer within "
                                                + clientResultTimeout.toMillis() + " ms."
                                        : String.valueOf(error.getMessage()),
                                ServiceExtensions.NONE)));
    }

    /** Hears every server connection of the hub (on their I/O threads). */
    private final class Listener implements ServerConnectionListener {

        @Override
        public void connected(ServerConnection connection) {
        }

        @Override
        public void received(ServerConnection connection, ServiceMessage message) {
            if (message instanceof ConnectionDataMessage data) {
                clients.data(data);
            } else if (message instanceof OpenConnectionMessage open) {
                clients.open(connection, open);
            } else if (message instanceof CloseConnectionMessage close) {
                clients.closed(close);
            } else if (message instanceof ConnectionReconnectMessage reconnect) {
                clients.reconnected(reconnect.connectionId());
            } else if (message instanceof ClientInvocationMessage invocation) {
                forwardedInvocation(connection, invocation);
            } else if (message instanceof ClientCompletionMessage completion) {
                results.complete(completion.invocationId(), completion.protocol(), completion.payload());
            } else if (message instanceof ErrorCompletionMessage error) {
                results.fail(error.invocationId(), error.error());
            } else if (message instanceof ServiceEventMessage event) {
                log.debug("Service event for hub '{}': {}", hubKey, event);
            } else {
                log.debug("Ignored {} from the service for hub '{}'", message.getClass().getSimpleName(), hubKey);
            }
        }

        @Override
        public void disconnected(ServerConnection connection, Throwable error) {
            clients.carrierLost(connection);
        }
    }
}
