package io.hubkit.service.routing;

import io.hubkit.service.routing.RoutingOperation.Broadcast;
import io.hubkit.service.routing.RoutingOperation.CloseAllConnections;
import io.hubkit.service.routing.RoutingOperation.CloseConnections;
import io.hubkit.service.routing.RoutingOperation.CloseGroupConnections;
import io.hubkit.service.routing.RoutingOperation.CloseUserConnections;
import io.hubkit.service.routing.RoutingOperation.CompleteClientInvocation;
import io.hubkit.service.routing.RoutingOperation.InvokeClient;
import io.hubkit.service.routing.RoutingOperation.JoinGroup;
import io.hubkit.service.routing.RoutingOperation.LeaveAllGroups;
import io.hubkit.service.routing.RoutingOperation.LeaveGroup;
import io.hubkit.service.routing.RoutingOperation.SendToConnections;
import io.hubkit.service.routing.RoutingOperation.SendToGroups;
import io.hubkit.service.routing.RoutingOperation.SendToUsers;
import io.hubkit.service.routing.RoutingOperation.UserJoinGroup;
import io.hubkit.service.routing.RoutingOperation.UserLeaveAllGroups;
import io.hubkit.service.routing.RoutingOperation.UserLeaveGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The service's routing entry point, used by the server endpoint (service protocol), the REST API
 * and serverless mode. Every operation is applied to this instance ({@link LocalRouting}) on the
 * caller's thread when the returned {@code Mono} is subscribed, then published on the
 * {@link ServiceBus} so each other instance applies it once. An operation addressed to one
 * connection that this instance holds is not published (no other instance can hold it).
 *
 * <p>Delivery: at most once per target connection; sends made one after the other by one caller
 * reach each client in that order (on this instance; across instances as the bus orders them).
 * A bus failure is logged and does not fail the operation (this instance's part is done).
 * Existence answers are service-wide: this instance, else any other instance's answer.
 *
 * <p>Names: {@code hub} is always the hub key ({@link HubKeys#key}); group names are checked by
 * the callers against {@link RoutingLimits#isValidGroup}. Thread-safe; never blocks.
 */
public final class ServiceRouter {

    /** The error a client invocation gets when its client goes away before answering. */
    public static final String CONNECTION_CLOSED_ERROR = "Connection '%s' disconnected.";
    /** The error a client invocation gets when its client does not answer in time. */
    public static final String INVOCATION_TIMEOUT_ERROR = "Timed out waiting for the client's result.";

    private static final Logger log = LoggerFactory.getLogger(ServiceRouter.class);

    private final LocalRouting local;
    private final ServiceBus bus;

    public ServiceRouter(LocalRouting local, ServiceBus bus) {
        this.local = local;
        this.bus = bus;
    }

    /** Connects this instance to the bus; call once before serving. */
    public Mono<Void> start() {
        return bus.start(new ServiceBus.Receiver() {
            @Override
            public void apply(RoutingOperation operation) {
                local.apply(operation);
            }

            @Override
            public boolean answer(RoutingQuery query) {
                return local.answer(query);
            }
        });
    }

    /** Disconnects from the bus. */
    public Mono<Void> stop() {
        return bus.stop();
    }

    /** This instance's id (the bus's). */
    public String instanceId() {
        return bus.instanceId();
    }

    /** This instance's state (registration, lookups, summaries). */
    public LocalRouting local() {
        return local;
    }

    // ---- registration (local only)

    /** Registers a client connection of this instance; false for a duplicate id. */
    public boolean register(ClientConnection connection) {
        return local.register(connection);
    }

    /**
     * Unregisters a client connection; client invocations other servers were waiting for on it
     * are answered with {@link #CONNECTION_CLOSED_ERROR}.
     */
    public void unregister(ClientConnection connection) {
        for (PendingInvocation orphan : local.unregister(connection)) {
            fail(orphan, String.format(CONNECTION_CLOSED_ERROR, orphan.connectionId()));
        }
    }

    /** Registers an app server connection of this instance; false for a duplicate id. */
    public boolean addServer(ServerConnection server) {
        return local.addServer(server);
    }

    /** Unregisters an app server connection; returns the clients routed over it, for the caller to close. */
    public List<ClientConnection> removeServer(ServerConnection server) {
        return local.removeServer(server);
    }

    /** See {@link LocalRouting#pickServer}. */
    public ServerConnection pickServer(String hub, String preferredServerId, boolean required) {
        return local.pickServer(hub, preferredServerId, required);
    }

    /** Answers expired client invocations with errors and frees expired user memberships; call periodically. */
    public void sweep() {
        for (PendingInvocation expired : local.expireInvocations()) {
            fail(expired, INVOCATION_TIMEOUT_ERROR);
        }
        local.purgeExpiredMemberships();
    }

    // ---- sends

    /** Sends to every connection of the hub except {@code excludedConnections}. */
    public Mono<Void> broadcast(String hub, Map<String, byte[]> payloads, Collection<String> excludedConnections) {
        return everywhere(new Broadcast(hub, payloads, Set.copyOf(excludedConnections)));
    }

    /** Sends to one connection. */
    public Mono<Void> sendToConnection(String hub, String connectionId, Map<String, byte[]> payloads) {
        return Mono.defer(() -> {
            SendToConnections op = new SendToConnections(hub, Set.of(connectionId), payloads);
            return local.apply(op) ? Mono.<Void>empty() : publish(op);
        });
    }

    /** Sends to each of {@code connectionIds}. */
    public Mono<Void> sendToConnections(String hub, Collection<String> connectionIds, Map<String, byte[]> payloads) {
        return everywhere(new SendToConnections(hub, Set.copyOf(connectionIds), payloads));
    }

    /** Sends to every connection of each user. */
    public Mono<Void> sendToUsers(String hub, Collection<String> userIds, Map<String, byte[]> payloads) {
        return everywhere(new SendToUsers(hub, Set.copyOf(userIds), payloads));
    }

    /** Sends to the members of each group (once per connection), minus excluded connections and users. */
    public Mono<Void> sendToGroups(String hub, Collection<String> groups, Map<String, byte[]> payloads,
                                   Collection<String> excludedConnections, Collection<String> excludedUsers) {
        return everywhere(new SendToGroups(hub, Set.copyOf(groups), payloads, Set.copyOf(excludedConnections),
                Set.copyOf(excludedUsers)));
    }

    // ---- membership

    /** Adds a connection to a group; emits whether the connection exists (anywhere) and was added. */
    public Mono<Boolean> joinGroup(String hub, String connectionId, String group) {
        return toOwner(new JoinGroup(hub, connectionId, group));
    }

    /** Removes a connection from a group; emits whether the connection exists (anywhere). */
    public Mono<Boolean> leaveGroup(String hub, String connectionId, String group) {
        return toOwner(new LeaveGroup(hub, connectionId, group));
    }

    /** Removes a connection from every group; emits whether the connection exists (anywhere). */
    public Mono<Boolean> leaveAllGroups(String hub, String connectionId) {
        return toOwner(new LeaveAllGroups(hub, connectionId));
    }

    /**
     * Adds a user to a group for {@code ttl} ({@code null}: no TTL, the longest membership; zero:
     * only the user's current connections join, as connections).
     */
    public Mono<Void> userJoinGroup(String hub, String userId, String group, Duration ttl) {
        return Mono.defer(() -> {
            Instant expiresAt = ttl == null ? null : local.clock().instant().plus(ttl.isNegative() ? Duration.ZERO : ttl);
            return everywhere(new UserJoinGroup(hub, userId, group, expiresAt));
        });
    }

    /** Removes a user and its connections from a group. */
    public Mono<Void> userLeaveGroup(String hub, String userId, String group) {
        return everywhere(new UserLeaveGroup(hub, userId, group));
    }

    /** Removes a user and its connections from every group. */
    public Mono<Void> userLeaveAllGroups(String hub, String userId) {
        return everywhere(new UserLeaveAllGroups(hub, userId));
    }

    // ---- closing

    /** Closes one connection with {@code reason}; emits whether it existed (anywhere). */
    public Mono<Boolean> closeConnection(String hub, String connectionId, String reason) {
        return toOwner(new CloseConnections(hub, Set.of(connectionId), reason));
    }

    /** Closes a user's connections except {@code excluded}. */
    public Mono<Void> closeUserConnections(String hub, String userId, Collection<String> excluded, String reason) {
        return everywhere(new CloseUserConnections(hub, userId, Set.copyOf(excluded), reason));
    }

    /** Closes a group's member connections except {@code excluded}. */
    public Mono<Void> closeGroupConnections(String hub, String group, Collection<String> excluded, String reason) {
        return everywhere(new CloseGroupConnections(hub, group, Set.copyOf(excluded), reason));
    }

    /** Closes every connection of the hub except {@code excluded}. */
    public Mono<Void> closeAllConnections(String hub, Collection<String> excluded, String reason) {
        return everywhere(new CloseAllConnections(hub, Set.copyOf(excluded), reason));
    }

    // ---- existence

    /** Whether the connection exists on any instance. */
    public Mono<Boolean> connectionExists(String hub, String connectionId) {
        return ask(new RoutingQuery.ConnectionExists(hub, connectionId));
    }

    /** Whether the user has a connection on any instance. */
    public Mono<Boolean> userExists(String hub, String userId) {
        return ask(new RoutingQuery.UserExists(hub, userId));
    }

    /** Whether the group has a member connection on any instance. */
    public Mono<Boolean> groupExists(String hub, String group) {
        return ask(new RoutingQuery.GroupExists(hub, group));
    }

    /** Whether the user is in the group (as a user, or through one of its connections) on any instance. */
    public Mono<Boolean> userInGroup(String hub, String userId, String group) {
        return ask(new RoutingQuery.UserInGroup(hub, userId, group));
    }

    // ---- client results

    /**
     * Starts a client invocation for app server {@code callerServerId}: writes the client's payload
     * and, when the client is routed over another server, registers it with that server so the
     * answer comes back. Emits whether the connection exists (anywhere).
     */
    public Mono<Boolean> invokeClient(String hub, String invocationId, String connectionId, String callerServerId,
                                      Map<String, byte[]> payloads) {
        return toOwner(new InvokeClient(hub, invocationId, connectionId, callerServerId, payloads));
    }

    /**
     * Reports the answer of a client invocation, as app server {@code reporterServerId} sent it
     * (or the service itself, with {@code null}): the pending invocation is forgotten everywhere,
     * and the answer goes to a connection of {@code callerServerId} unless the reporter is that
     * server (it completed the invocation itself and only lets the service clean up). When this
     * instance delivers it, the other instances only clean up; otherwise each other instance that
     * holds a connection of the caller delivers it (once per such instance).
     */
    public Mono<Void> completeInvocation(String hub, String invocationId, String connectionId, String callerServerId,
                                         String protocol, byte[] payload, String error, String reporterServerId) {
        return Mono.defer(() -> {
            boolean forward = !callerServerId.equals(reporterServerId);
            CompleteClientInvocation op = new CompleteClientInvocation(hub, invocationId, connectionId,
                    callerServerId, protocol, payload, error, forward);
            boolean delivered = local.apply(op) && forward;
            return publish(delivered ? new CompleteClientInvocation(hub, invocationId, connectionId, callerServerId,
                    protocol, payload, error, false) : op);
        });
    }

    // ---- plumbing

    private void fail(PendingInvocation invocation, String error) {
        completeInvocation(invocation.hub(), invocation.invocationId(), invocation.connectionId(),
                invocation.callerServerId(), null, null, error, null).subscribe();
    }

    private Mono<Void> everywhere(RoutingOperation operation) {
        return Mono.defer(() -> {
            local.apply(operation);
            return publish(operation);
        });
    }

    /**
     * Applies an operation addressed to one connection: here when this instance holds it (not
     * published); otherwise, when another instance answers that it holds the connection, on the
     * other instances. Emits whether the connection exists.
     */
    private Mono<Boolean> toOwner(RoutingOperation operation) {
        return Mono.defer(() -> {
            if (local.apply(operation)) {
                return Mono.just(true);
            }
            String connectionId = connectionOf(operation);
            boolean hereButRefused = connectionId != null && local.connection(operation.hub(), connectionId) != null;
            if (hereButRefused) {
                return Mono.just(false);
            }
            if (connectionId == null) {
                return publish(operation).thenReturn(false);
            }
            // ask first: applying a close (or any operation that ends the connection) would make the answer false
            return bus.askOthers(new RoutingQuery.ConnectionExists(operation.hub(), connectionId))
                    .onErrorResume(e -> {
                        log.warn("Asking other instances about connection {} failed", connectionId, e);
                        return Mono.just(false);
                    })
                    .flatMap(exists -> exists ? publish(operation).thenReturn(true) : Mono.just(false));
        });
    }

    private Mono<Boolean> ask(RoutingQuery query) {
        return Mono.defer(() -> local.answer(query) ? Mono.just(true)
                : bus.askOthers(query).onErrorResume(e -> {
                    log.warn("Asking other instances failed", e);
                    return Mono.just(false);
                }));
    }

    private Mono<Void> publish(RoutingOperation operation) {
        return bus.publish(operation).onErrorResume(e -> {
            log.warn("Publishing {} to other instances failed", operation.getClass().getSimpleName(), e);
            return Mono.empty();
        });
    }

    private static String connectionOf(RoutingOperation operation) {
        if (operation instanceof JoinGroup op) {
            return op.connectionId();
        }
        if (operation instanceof LeaveGroup op) {
            return op.connectionId();
        }
        if (operation instanceof LeaveAllGroups op) {
            return op.connectionId();
        }
        if (operation instanceof InvokeClient op) {
            return op.connectionId();
        }
        if (operation instanceof CloseConnections op && op.connectionIds().size() == 1) {
            return op.connectionIds().iterator().next();
        }
        return null;
    }
}
