package io.hubkit.backplane.redis;

import io.hubkit.core.HubException;
import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.backplane.RemoteClientResults;
import io.hubkit.core.backplane.BackplaneHubContext;
import io.hubkit.core.connection.HubConnection;
import io.hubkit.core.observe.BackplaneInspection;
import io.hubkit.core.observe.BackplaneStatus;
import io.hubkit.core.protocol.CompletionMessage;
import io.hubkit.core.protocol.HubProtocol;
import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.RawResult;
import io.hubkit.core.protocol.SerializedHubMessage;
import io.lettuce.core.RedisCommandTimeoutException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The {@link Backplane} of one hub over Redis pub/sub, wire-compatible with ASP.NET Core SignalR's
 * Redis backplane (see {@link RedisChannels} and {@link RedisProtocol}). Created by
 * {@link RedisBackplaneFactory}.
 *
 * <p><b>Routing.</b> All, group and user sends are encoded once per hub protocol into one envelope
 * and published once per target channel; every server, this one included, delivers them to its
 * own connections when Redis hands them over (payloads carry no origin, so delivering locally as
 * well would duplicate them). A send completes once Redis accepted it and, when this server has
 * targets, once the echo was queued to them, so one caller's sends reach each connection in
 * order (with {@link RedisMode#CLUSTER_SHARDED}, at connections of other servers only per channel:
 * each channel lives on its own shard). Sends to a connection of this server are written directly. Group and user channels are
 * subscribed while at least one local connection needs them.
 *
 * <p><b>Across servers.</b> Adding or removing a connection of another server publishes a group
 * command and waits for the owner's ack (at most {@link RedisBackplaneOptions#ackTimeout()}); a
 * connection that exists nowhere (no server subscribes to its channel) is a no-op, found out
 * without waiting. Client results to another server's connection carry a return channel; the owner
 * forwards the client's Completion as the client wrote it; a connection that does not exist, or
 * disappears while awaited (checked every {@link RedisBackplaneOptions#connectionCheckInterval()}),
 * fails the call with a {@link HubException}.
 *
 * <p><b>While Redis is unreachable.</b> Nothing is queued for later. Sends are delivered to this
 * server's connections and then fail with a {@link RedisBackplaneException} saying so; group
 * changes and sends that need another server fail at once; local group changes and connections
 * keep working and their subscriptions are made when Redis is back. Lettuce reconnects by itself;
 * every wanted subscription is then restored. Messages published elsewhere during the outage are
 * lost (Redis pub/sub keeps nothing).
 *
 * <p>Thread-safe and non-blocking except {@link #close()} and construction, which wait (bounded by
 * the command timeout) for Redis.
 */
public final class RedisBackplane implements Backplane, BackplaneInspection {

    private static final Logger log = LoggerFactory.getLogger(RedisBackplane.class);
    private static final int PUBLISH_CONCURRENCY = 32;

    private final String hubName;
    private final HubProtocols protocols;
    private final RedisBackplaneOptions options;
    private final RedisChannels channels;
    private final Duration clientResultTimeout;
    private final EchoTracker echoes = new EchoTracker();
    private final PendingAcks acks = new PendingAcks();
    private final RemoteClientResults results;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final Consumer<RedisBackplane> onClose;
    private final RedisBus bus;
    private final ChannelSubscriptions subscriptions;
    private final LocalRouting local;
    private final Disposable connectionCheck;
    private volatile boolean started;
    private volatile boolean closed;

    RedisBackplane(BackplaneHubContext hub, RedisBackplaneOptions options, String serverName,
                   Function<RedisBus.Listener, RedisBus> busOpener, Consumer<RedisBackplane> onClose) {
        this.hubName = hub.hubName();
        this.protocols = hub.protocols();
        this.options = options;
        this.onClose = onClose;
        this.channels = new RedisChannels(options.channelPrefix(), options.hubChannelName(hubName), serverName);
        this.clientResultTimeout = options.clientResultTimeout() != null
                ? options.clientResultTimeout() : hub.options().clientResultTimeout();
        this.results = new RemoteClientResults(protocols);
        this.bus = busOpener.apply(new BusListener());
        this.subscriptions = new ChannelSubscriptions(bus, echoes::channelInactive);
        this.local = new LocalRouting(subscriptions, channels);
        try {
            CompletableFuture.allOf(
                    subscriptions.acquire(channels.all()),
                    subscriptions.acquire(channels.groupManagement()),
                    subscriptions.acquire(channels.ack()),
                    subscriptions.acquire(channels.returnResults()))
                    .get(options.commandTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            bus.close();
            throw new RedisBackplaneException("Subscribing the channels of hub '" + hubName + "' ("
                    + channels.all() + ", …) on Redis failed", e instanceof java.util.concurrent.ExecutionException
                    ? e.getCause() : e);
        }
        this.connectionCheck = Flux.interval(options.connectionCheckInterval(), Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> checkAwaitedConnections())
                .subscribe();
        this.started = true;
        log.info("Redis backplane of hub '{}' started as server '{}' on {} (channels {}*)", hubName, serverName,
                bus.describe(), channels.all().substring(0, channels.all().length() - "all".length()));
    }

    /** This hub's channel names (and this server's name). */
    public RedisChannels channels() {
        return channels;
    }

    // ---- connections --------------------------------------------------------------------------

    @Override
    public Mono<Void> onConnected(HubConnection connection) {
        return Mono.defer(() -> Mono.fromFuture(local.connect(connection), true)).then();
    }

    @Override
    public Mono<Void> onDisconnected(HubConnection connection) {
        return Mono.fromRunnable(() -> local.disconnect(connection));
    }

    // ---- sends --------------------------------------------------------------------------------

    @Override
    public Mono<Void> sendAll(String method, Object[] args) {
        return publishInvocation(List.of(channels.all()), List.of(), method, args,
                message -> LocalDelivery.all(local.connections(), message, List.of()));
    }

    @Override
    public Mono<Void> sendAllExcept(String method, Object[] args, Collection<String> excludedConnectionIds) {
        List<String> excluded = copy(excludedConnectionIds);
        return publishInvocation(List.of(channels.all()), excluded, method, args,
                message -> LocalDelivery.all(local.connections(), message, excluded));
    }

    @Override
    public Mono<Void> sendConnection(String connectionId, String method, Object[] args) {
        return sendConnections(connectionId == null ? List.of() : List.of(connectionId), method, args);
    }

    @Override
    public Mono<Void> sendConnections(Collection<String> connectionIds, String method, Object[] args) {
        List<String> ids = distinct(connectionIds);
        return Mono.defer(() -> {
            SerializedHubMessage message = invocation(method, args);
            List<String> remote = new ArrayList<>();
            for (String id : ids) {
                HubConnection connection = local.get(id);
                if (connection != null) {
                    connection.send(message);
                } else {
                    remote.add(channels.connection(id));
                }
            }
            if (remote.isEmpty()) {
                return Mono.empty();
            }
            if (!bus.isConnected()) {
                return Mono.error(unavailable("cannot reach connection(s) of other servers", null));
            }
            byte[] envelope = RedisProtocol.writeInvocation(RedisInvocation.of(List.of(), payloads(message)));
            return Flux.fromIterable(remote)
                    .flatMap(channel -> bus.publish(channel, envelope), PUBLISH_CONCURRENCY)
                    .onErrorMap(e -> failed("Publishing to other servers' connections", e))
                    .then();
        });
    }

    @Override
    public Mono<Void> sendGroup(String groupName, String method, Object[] args) {
        return sendGroupExcept(groupName, method, args, List.of());
    }

    @Override
    public Mono<Void> sendGroups(Collection<String> groupNames, String method, Object[] args) {
        List<String> groups = distinct(groupNames);
        List<String> targets = groups.stream().map(channels::group).toList();
        return publishInvocation(targets, List.of(), method, args,
                message -> LocalDelivery.groups(local.connections(), groups, message));
    }

    @Override
    public Mono<Void> sendGroupExcept(String groupName, String method, Object[] args,
                                      Collection<String> excludedConnectionIds) {
        if (groupName == null || groupName.isEmpty()) {
            return Mono.empty();
        }
        List<String> excluded = copy(excludedConnectionIds);
        return publishInvocation(List.of(channels.group(groupName)), excluded, method, args,
                message -> LocalDelivery.group(local.connections(), groupName, message, excluded));
    }

    @Override
    public Mono<Void> sendUser(String userId, String method, Object[] args) {
        return sendUsers(userId == null ? List.of() : List.of(userId), method, args);
    }

    @Override
    public Mono<Void> sendUsers(Collection<String> userIds, String method, Object[] args) {
        List<String> users = distinct(userIds);
        List<String> targets = users.stream().map(channels::user).toList();
        return publishInvocation(targets, List.of(), method, args,
                message -> LocalDelivery.users(local.connections(), users, message));
    }

    // ---- groups -------------------------------------------------------------------------------

    @Override
    public Mono<Void> addToGroup(String connectionId, String groupName) {
        return Mono.defer(() -> {
            CompletableFuture<Void> joined = local.addToGroup(connectionId, groupName);
            if (joined != null) {
                return Mono.fromFuture(joined, true);
            }
            return remoteGroupChange(GroupAction.ADD, connectionId, groupName);
        });
    }

    @Override
    public Mono<Void> removeFromGroup(String connectionId, String groupName) {
        return Mono.defer(() -> local.removeFromGroup(connectionId, groupName)
                ? Mono.empty()
                : remoteGroupChange(GroupAction.REMOVE, connectionId, groupName));
    }

    private Mono<Void> remoteGroupChange(GroupAction action, String connectionId, String groupName) {
        String what = (action == GroupAction.ADD ? "adding connection '" : "removing connection '") + connectionId
                + (action == GroupAction.ADD ? "' to group '" : "' from group '") + groupName + "'";
        if (!bus.isConnected()) {
            return Mono.error(unavailable(what + " failed: the connection is not on this server", null));
        }
        return connectionExists(connectionId).flatMap(exists -> {
            if (!exists) {
                return Mono.<Void>empty(); // no server holds it: nothing to add or remove
            }
            int id = acks.nextId();
            byte[] command = RedisProtocol.writeGroupCommand(
                    new GroupCommand(id, channels.serverName(), action, groupName, connectionId));
            return acks.await(id, bus.publish(channels.groupManagement(), command))
                    .timeout(options.ackTimeout())
                    .onErrorMap(TimeoutException.class, e -> new RedisBackplaneException("No server acknowledged "
                            + what + " within " + options.ackTimeout().toMillis()
                            + " ms: the connection is gone or its server is unreachable"))
                    .onErrorMap(e -> !(e instanceof RedisBackplaneException), e -> failed(what, e));
        });
    }

    /** Whether some server subscribes to the connection's channel, i.e. holds the connection. */
    private Mono<Boolean> connectionExists(String connectionId) {
        return bus.hasSubscribers(channels.connection(connectionId))
                .onErrorMap(e -> failed("Looking up connection '" + connectionId + "'", e));
    }

    // ---- client results -----------------------------------------------------------------------

    @Override
    public <T> Mono<T> invokeConnection(String connectionId, String method, Object[] args, Type resultType) {
        return Mono.defer(() -> {
            HubConnection connection = local.get(connectionId);
            if (connection != null) {
                return connection.<T>invoke(method, args, resultType);
            }
            if (!bus.isConnected()) {
                return Mono.error(unavailable("cannot invoke '" + method + "' on connection '" + connectionId
                        + "', which is not on this server", null));
            }
            String invocationId = RemoteClientResults.nextId();
            SerializedHubMessage message = new SerializedHubMessage(new InvocationMessage(invocationId, method,
                    arguments(args), null, Map.of()));
            byte[] envelope = RedisProtocol.writeInvocation(new RedisInvocation(List.of(), payloads(message),
                    invocationId, channels.returnResultsUnprefixed()));
            Mono<Boolean> publish = bus.publish(channels.connection(connectionId), envelope)
                    .flatMap(receivers -> receivers > 0 || bus.publishCountsAreExact()
                            ? Mono.just(receivers > 0)
                            : connectionExists(connectionId))
                    .onErrorMap(e -> failed("Invoking '" + method + "' on connection '" + connectionId + "'", e));
            return results.await(invocationId, connectionId, resultType, publish)
                    .timeout(clientResultTimeout)
                    .onErrorMap(TimeoutException.class, e -> new HubException("Connection '" + connectionId
                            + "' did not answer '" + method + "' within " + clientResultTimeout.toMillis() + " ms."))
                    .map(result -> {
                        @SuppressWarnings("unchecked")
                        T typed = (T) result;
                        return typed;
                    });
        });
    }

    /** Fails awaited client results whose connection no server subscribes to any more (e.g. its server crashed). */
    private Mono<Void> checkAwaitedConnections() {
        if (closed || !started || !bus.isConnected() || results.size() == 0) {
            return Mono.empty();
        }
        return Flux.fromIterable(results.awaitedConnections())
                .concatMap(id -> bus.hasSubscribers(channels.connection(id))
                        .filter(exists -> !exists)
                        .doOnNext(gone -> results.connectionGone(id))
                        .onErrorResume(e -> Mono.empty()))
                .then();
    }

    // ---- publishing ---------------------------------------------------------------------------

    /**
     * Encodes one invocation once per protocol, publishes its envelope to every channel, and
     * completes once Redis took each and this server delivered the echoes it expects. While Redis is
     * unreachable, runs {@code localFallback} and fails.
     */
    private Mono<Void> publishInvocation(List<String> targets, List<String> excluded, String method, Object[] args,
                                         Consumer<Function<HubConnection, SerializedHubMessage>> localFallback) {
        if (targets.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            SerializedHubMessage message = invocation(method, args);
            Runnable fallback = () -> localFallback.accept(connection -> message);
            if (!bus.isConnected()) {
                fallback.run();
                return Mono.error(unavailable("the message reached this server's connections only", null));
            }
            byte[] envelope = RedisProtocol.writeInvocation(RedisInvocation.of(excluded, payloads(message)));
            AtomicBoolean published = new AtomicBoolean();
            return Flux.fromIterable(targets)
                    .flatMap(channel -> publishEchoed(channel, envelope).doOnSuccess(v -> published.set(true)),
                            PUBLISH_CONCURRENCY)
                    .then()
                    .onErrorResume(e -> {
                        if (!published.get() && !bus.isConnected() && !(e instanceof RedisCommandTimeoutException)) {
                            fallback.run();
                            return Mono.error(unavailable("the message reached this server's connections only", e));
                        }
                        return Mono.error(failed("Publishing '" + method + "'", e));
                    });
        });
    }

    /** Publishes, then waits for the echo if this server is subscribed to the channel. */
    private Mono<Void> publishEchoed(String channel, byte[] envelope) {
        return Mono.defer(() -> {
            EchoTracker.Pending echo = subscriptions.isActive(channel) ? echoes.expect(channel, envelope) : null;
            if (echo != null && !subscriptions.isActive(channel)) {
                echoes.forget(channel, echo);
                echo = null;
            }
            Mono<Long> publish = bus.publish(channel, envelope);
            if (echo == null) {
                return publish.then();
            }
            EchoTracker.Pending pending = echo;
            return publish
                    .doOnError(e -> echoes.forget(channel, pending))
                    .then(Mono.fromFuture(pending.delivered, true)
                            .timeout(options.commandTimeout(), Mono.fromRunnable(() -> {
                                log.debug("No echo of a publish on {} within the command timeout", channel);
                                echoes.forget(channel, pending);
                            })))
                    .doOnCancel(() -> echoes.forget(channel, pending));
        });
    }

    private SerializedHubMessage invocation(String method, Object[] args) {
        return new SerializedHubMessage(InvocationMessage.nonBlocking(method, arguments(args)));
    }

    private Map<String, byte[]> payloads(SerializedHubMessage message) {
        return InvocationPayloads.of(message, protocols);
    }

    // ---- receiving ----------------------------------------------------------------------------

    private void received(String channel, byte[] payload) {
        if (closed || !started) {
            return;
        }
        RedisChannels.Parsed parsed = channels.parse(channel);
        if (parsed == null) {
            return;
        }
        try {
            switch (parsed.kind()) {
                case ALL -> {
                    RedisInvocation invocation = RedisProtocol.readInvocation(payload);
                    LocalDelivery.all(local.connections(), new ReceivedInvocation(invocation, channel),
                            invocation.excludedConnectionIds());
                    echoes.arrived(channel, payload);
                }
                case GROUP -> {
                    if (dropIfUnwanted(channel)) {
                        return;
                    }
                    RedisInvocation invocation = RedisProtocol.readInvocation(payload);
                    LocalDelivery.group(local.connections(), parsed.argument(),
                            new ReceivedInvocation(invocation, channel), invocation.excludedConnectionIds());
                    echoes.arrived(channel, payload);
                }
                case USER -> {
                    if (dropIfUnwanted(channel)) {
                        return;
                    }
                    RedisInvocation invocation = RedisProtocol.readInvocation(payload);
                    LocalDelivery.users(local.connections(), List.of(parsed.argument()),
                            new ReceivedInvocation(invocation, channel));
                    echoes.arrived(channel, payload);
                }
                case CONNECTION -> {
                    if (dropIfUnwanted(channel)) {
                        return;
                    }
                    RedisInvocation invocation = RedisProtocol.readInvocation(payload);
                    ReceivedInvocation received = new ReceivedInvocation(invocation, channel);
                    if (invocation.expectsResult()) {
                        forwardClientResult(parsed.argument(), received);
                    } else {
                        LocalDelivery.connection(local.connections(), parsed.argument(), received);
                    }
                }
                case GROUP_MANAGEMENT -> applyGroupCommand(RedisProtocol.readGroupCommand(payload));
                case ACK -> acks.acknowledge(RedisProtocol.readAck(payload));
                case RETURN -> {
                    RedisCompletion completion = RedisProtocol.readCompletion(payload);
                    results.complete(null, completion.protocolName(), completion.completion());
                }
                default -> {
                }
            }
        } catch (RedisProtocolException e) {
            log.warn("Dropped an unreadable message on {}: {}", channel, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Handling a message on {} failed", channel, e);
        }
    }

    private boolean dropIfUnwanted(String channel) {
        if (subscriptions.isWanted(channel)) {
            return false;
        }
        subscriptions.dropIfUnwanted(channel);
        return true;
    }

    /** Applies a group command if this server owns its connection, then acks it. */
    private void applyGroupCommand(GroupCommand command) {
        if (local.get(command.connectionId()) == null) {
            return; // not on this server
        }
        CompletableFuture<Void> applied;
        if (command.action() == GroupAction.ADD) {
            applied = local.addToGroup(command.connectionId(), command.groupName());
        } else {
            local.removeFromGroup(command.connectionId(), command.groupName());
            applied = CompletableFuture.completedFuture(null);
        }
        if (applied == null) {
            return; // it left meanwhile
        }
        applied.whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("Applying {} failed; not acknowledged", command, error);
                return;
            }
            bus.publish(channels.ack(command.serverName()), RedisProtocol.writeAck(command.id()))
                    .subscribe(null, e -> log.warn("Acknowledging group command {} of server {} failed: {}",
                            command.id(), command.serverName(), e.toString()));
        });
    }

    /**
     * Runs a client result that another server asked of a connection of this one, and publishes
     * the client's Completion (as the client wrote it) to the caller's return channel.
     */
    private void forwardClientResult(String connectionId, ReceivedInvocation received) {
        RedisInvocation invocation = received.invocation();
        String returnChannel = channels.prefixed(invocation.returnChannel());
        String invocationId = invocation.invocationId();
        HubConnection connection = local.get(connectionId);
        if (connection == null) {
            replyError(returnChannel, invocation, "Connection '" + connectionId + "' disconnected.");
            return;
        }
        SerializedHubMessage message = received.forProtocol(connection.protocol());
        if (message == null) {
            replyError(returnChannel, invocation, "The caller did not encode the invocation in the '"
                    + connection.protocol().name() + "' protocol of connection '" + connectionId + "'.");
            return;
        }
        HubProtocol protocol = connection.protocol();
        // the same text as the caller's own timeout, whichever of the two fires first
        String method = message.message() instanceof InvocationMessage call ? call.target() : "";
        connection.<Object>invokeEncoded(invocationId, message, RawResult.class)
                .timeout(clientResultTimeout)
                .map(result -> CompletionMessage.withResult(invocationId, result))
                .defaultIfEmpty(CompletionMessage.empty(invocationId))
                .onErrorResume(e -> Mono.just(CompletionMessage.withError(invocationId, e instanceof TimeoutException
                        ? "Connection '" + connectionId + "' did not answer '" + method + "' within "
                                + clientResultTimeout.toMillis() + " ms."
                        : String.valueOf(e.getMessage()))))
                .flatMap(completion -> publishCompletion(returnChannel, protocol, completion))
                .subscribe(null, e -> log.warn("Returning client result {} to {} failed: {}", invocationId,
                        returnChannel, e.toString()));
    }

    /** Answers a forwarded client result with an error, in a protocol the caller encoded the invocation in. */
    private void replyError(String returnChannel, RedisInvocation invocation, String error) {
        HubProtocol protocol = invocation.payloads().keySet().stream()
                .map(protocols::find)
                .filter(p -> p != null)
                .findFirst()
                .orElse(null);
        if (protocol == null) {
            log.warn("Cannot answer client result {}: none of its protocols {} is offered here",
                    invocation.invocationId(), invocation.payloads().keySet());
            return;
        }
        publishCompletion(returnChannel, protocol, CompletionMessage.withError(invocation.invocationId(), error))
                .subscribe(null, e -> log.warn("Returning client result {} failed: {}", invocation.invocationId(),
                        e.toString()));
    }

    private Mono<Long> publishCompletion(String returnChannel, HubProtocol protocol, CompletionMessage completion) {
        byte[] payload = RedisProtocol.writeCompletion(
                new RedisCompletion(protocol.name(), protocol.writeMessage(completion)));
        return bus.publish(returnChannel, payload);
    }

    // ---- Redis coming and going ---------------------------------------------------------------

    /** Hears the bus; everything runs on Lettuce's I/O threads. */
    private final class BusListener implements RedisBus.Listener {

        @Override
        public void message(String channel, byte[] payload) {
            received(channel, payload);
        }

        @Override
        public void connectionLost() {
            if (!started || closed) {
                return;
            }
            if (lost.compareAndSet(false, true)) {
                log.warn("Redis backplane of hub '{}' lost its connection to Redis; local delivery goes on, "
                        + "cross-server calls fail until it is back", hubName);
            }
            subscriptions.connectionLost();
            echoes.clear();
        }

        @Override
        public void connectionRestored() {
            if (!started || closed || !lost.compareAndSet(true, false)) {
                return;
            }
            log.info("Redis backplane of hub '{}' reconnected to Redis; restoring its subscriptions", hubName);
            restoreSubscriptions(1);
        }
    }

    /** Subscribes every wanted channel again; retries (backing off) until Redis confirmed them all. */
    private void restoreSubscriptions(int attempt) {
        if (closed || lost.get()) {
            return; // a later reconnect restores them
        }
        subscriptions.restore().whenComplete((allConfirmed, error) -> {
            if (Boolean.TRUE.equals(allConfirmed) || closed || lost.get()) {
                if (Boolean.TRUE.equals(allConfirmed)) {
                    log.info("Redis backplane of hub '{}' restored its subscriptions", hubName);
                }
                return;
            }
            long delay = Math.min(options.maxReconnectDelay().toMillis(), 50L << Math.min(attempt, 10));
            Schedulers.parallel().schedule(() -> restoreSubscriptions(attempt + 1), delay, TimeUnit.MILLISECONDS);
        });
    }

    // ---- health and lifecycle -----------------------------------------------------------------

    /** Checks Redis with a round trip on this backplane's connections. Never fails: a failure is a DOWN. */
    public Mono<RedisBackplaneHealth> health() {
        return Mono.defer(() -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("hub", hubName);
            details.put("server", channels.serverName());
            details.put("redis", bus.describe());
            details.put("localConnections", local.size());
            details.put("subscriptions", subscriptions.size());
            details.put("pendingSubscriptions", subscriptions.pending());
            details.put("pendingGroupAcks", acks.size());
            details.put("pendingClientResults", results.size());
            if (closed) {
                details.put("error", "closed");
                return Mono.just(RedisBackplaneHealth.down(details));
            }
            if (!bus.isConnected()) {
                details.put("error", "not connected to Redis");
                return Mono.just(RedisBackplaneHealth.down(details));
            }
            return bus.ping()
                    .timeout(options.commandTimeout())
                    .map(pong -> RedisBackplaneHealth.up(details))
                    .onErrorResume(e -> {
                        details.put("error", String.valueOf(e.getMessage()));
                        return Mono.just(RedisBackplaneHealth.down(details));
                    });
        });
    }

    /**
     * Whether {@code connectionId} is a connection of this server that other servers can reach:
     * Redis confirmed the subscription to its channel. A connection is registered with the
     * backplane after its handshake response was written, so a client can be connected a moment
     * before it is reachable from other servers.
     */
    public boolean isReachable(String connectionId) {
        return local.get(connectionId) != null && subscriptions.isActive(channels.connection(connectionId));
    }

    /** Whether both connections to Redis are up right now. */
    public boolean isConnected() {
        return !closed && bus.isConnected();
    }

    /**
     * Stops: fails pending group changes and client results, unsubscribes and closes the
     * connections to Redis. Idempotent. Connections still registered simply stop hearing Redis.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connectionCheck.dispose();
        acks.close();
        results.close();
        echoes.clear();
        try {
            bus.close();
        } finally {
            onClose.accept(this);
        }
        log.info("Redis backplane of hub '{}' (server '{}') closed", hubName, channels.serverName());
    }

    @Override
    public String toString() {
        return "RedisBackplane[" + hubName + ", " + channels.serverName() + "]";
    }

    // ---- helpers ------------------------------------------------------------------------------

    private RedisBackplaneException unavailable(String consequence, Throwable cause) {
        return new RedisBackplaneException("Redis is unreachable (" + bus.describe() + "): " + consequence, cause);
    }

    private Throwable failed(String what, Throwable cause) {
        if (cause instanceof RedisBackplaneException || cause instanceof HubException) {
            return cause;
        }
        if (!bus.isConnected()) {
            return unavailable(what + " failed", cause);
        }
        return new RedisBackplaneException(what + " failed: " + cause, cause);
    }

    private static List<Object> arguments(Object[] args) {
        Object[] copy = args == null ? new Object[0] : args.clone();
        return Collections.unmodifiableList(Arrays.asList(copy));
    }

    private static List<String> copy(Collection<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null).toList();
    }

    /** Distinct non-empty values, in order (empty names are skipped, as ASP.NET Core does). */
    private static List<String> distinct(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                set.add(value);
            }
        }
        return List.copyOf(set);
    }

    @Override
    public String type() {
        return "redis";
    }

    @Override
    public Mono<BackplaneStatus> status() {
        return health().map(h -> new BackplaneStatus(h.up(), h.details()));
    }

    @Override
    public int localGroupCount() {
        return local.groupCount();
    }

    @Override
    public int localUserCount() {
        return local.userCount();
    }
}
