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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's share of the routing state and the application of operations to it: sends reach
 * the local connections they address (the payload of each client's protocol, picked
 * case-insensitively; a client whose protocol has no payload is skipped), memberships change for
 * local connections, user memberships are kept for present and future connections. Operations on
 * connections, users or groups that this instance does not hold do nothing here.
 *
 * <p>Threading: all methods are thread-safe and non-blocking; sends are handed to
 * {@link ClientConnection#send} on the calling thread, so one caller's sends reach a client in call
 * order.
 */
public final class LocalRouting {

    private static final Logger log = LoggerFactory.getLogger(LocalRouting.class);

    private final RoutingLimits limits;
    private final Clock clock;
    private final Map<String, HubState> hubs = new ConcurrentHashMap<>();
    private final Map<String, PendingInvocation> pending = new ConcurrentHashMap<>();

    public LocalRouting(RoutingLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** The clock that decides expiries. */
    public Clock clock() {
        return clock;
    }

    /** The limits this state enforces. */
    public RoutingLimits limits() {
        return limits;
    }

    // ---- registration

    /** Registers a client connection; false when one with the same id is already registered in its hub. */
    public boolean register(ClientConnection connection) {
        return hub(connection.hub()).add(connection);
    }

    /**
     * Unregisters a client connection (and its group memberships). Returns the invocations started
     * by other servers that the client can no longer answer; the caller answers them with errors.
     */
    public List<PendingInvocation> unregister(ClientConnection connection) {
        HubState state = hubs.get(connection.hub());
        if (state == null || !state.remove(connection)) {
            return List.of();
        }
        List<PendingInvocation> orphaned = new ArrayList<>();
        pending.values().removeIf(invocation -> {
            boolean match = invocation.hub().equals(connection.hub())
                    && invocation.connectionId().equals(connection.id());
            if (match) {
                orphaned.add(invocation);
            }
            return match;
        });
        return orphaned;
    }

    /** Registers an app server connection; false when one with the same id is registered in its hub. */
    public boolean addServer(ServerConnection server) {
        return hub(server.hub()).addServer(server);
    }

    /** Unregisters an app server connection; returns the clients routed over it (still registered). */
    public List<ClientConnection> removeServer(ServerConnection server) {
        HubState state = hubs.get(server.hub());
        if (state == null) {
            return List.of();
        }
        state.removeServer(server);
        return state.connections().stream().filter(c -> server.id().equals(c.serverConnectionId())).toList();
    }

    /**
     * Picks the server connection for a new client of {@code hub}: among the connections that
     * accept clients, those of {@code preferredServerId} when given and present, the one with the
     * fewest routed clients. Returns {@code null} when none qualifies, or when {@code required} and
     * the preferred server has no connection here.
     */
    public ServerConnection pickServer(String hub, String preferredServerId, boolean required) {
        HubState state = hubs.get(hub);
        if (state == null) {
            return null;
        }
        List<ServerConnection> candidates = state.servers().stream().filter(ServerConnection::acceptsClients).toList();
        if (preferredServerId != null) {
            List<ServerConnection> preferred = candidates.stream()
                    .filter(s -> preferredServerId.equals(s.serverId())).toList();
            if (!preferred.isEmpty()) {
                candidates = preferred;
            } else if (required) {
                return null;
            }
        }
        return candidates.stream().min(Comparator.comparingInt(s -> state.routedClients(s.id()))).orElse(null);
    }

    // ---- lookups

    /** The local connection {@code connectionId} of {@code hub}, or {@code null}. */
    public ClientConnection connection(String hub, String connectionId) {
        HubState state = hubs.get(hub);
        return state == null ? null : state.connection(connectionId);
    }

    /** The local connections of {@code hub}, a snapshot. */
    public List<ClientConnection> connections(String hub) {
        HubState state = hubs.get(hub);
        return state == null ? List.of() : state.connections();
    }

    /** The server connections of {@code hub} on this instance, a snapshot. */
    public List<ServerConnection> servers(String hub) {
        HubState state = hubs.get(hub);
        return state == null ? List.of() : state.servers();
    }

    /** The server connection {@code id} of {@code hub}, or {@code null}. */
    public ServerConnection server(String hub, String id) {
        HubState state = hubs.get(hub);
        return state == null ? null : state.server(id);
    }

    /** A snapshot of every hub this instance knows: clients, server connections, groups. */
    public List<HubSummary> summaries() {
        List<HubSummary> summaries = new ArrayList<>();
        for (HubState state : hubs.values()) {
            summaries.add(new HubSummary(state.hub(), state.connectionCount(), state.servers().size(), state.groupCount()));
        }
        summaries.sort(Comparator.comparing(HubSummary::hub));
        return summaries;
    }

    /** The number of client invocations awaiting an answer here. */
    public int pendingInvocations() {
        return pending.size();
    }

    // ---- questions

    /** Answers {@code query} about this instance's state alone. */
    public boolean answer(RoutingQuery query) {
        HubState state = hubs.get(query.hub());
        if (state == null) {
            return false;
        }
        Instant now = clock.instant();
        if (query instanceof RoutingQuery.ConnectionExists q) {
            return state.connection(q.connectionId()) != null;
        }
        if (query instanceof RoutingQuery.UserExists q) {
            return state.hasUser(q.userId());
        }
        if (query instanceof RoutingQuery.GroupExists q) {
            return state.hasMembers(q.group(), now);
        }
        RoutingQuery.UserInGroup q = (RoutingQuery.UserInGroup) query;
        return state.userInGroup(q.userId(), q.group(), now);
    }

    // ---- operations

    /**
     * Applies {@code operation} to this instance. Returns whether it found what it addressed here
     * (a connection to join or leave, a connection to invoke); sends and other operations return
     * {@code true}.
     */
    public boolean apply(RoutingOperation operation) {
        Instant now = clock.instant();
        if (operation instanceof Broadcast op) {
            HubState state = hubs.get(op.hub());
            if (state != null) {
                for (ClientConnection connection : state.connections()) {
                    if (!op.excludedConnections().contains(connection.id())) {
                        deliver(connection, op.payloads());
                    }
                }
            }
            return true;
        }
        if (operation instanceof SendToConnections op) {
            HubState state = hubs.get(op.hub());
            boolean found = false;
            if (state != null) {
                for (String id : op.connectionIds()) {
                    ClientConnection connection = state.connection(id);
                    if (connection != null) {
                        deliver(connection, op.payloads());
                        found = true;
                    }
                }
            }
            return found;
        }
        if (operation instanceof SendToUsers op) {
            HubState state = hubs.get(op.hub());
            if (state != null) {
                Set<ClientConnection> targets = new LinkedHashSet<>();
                for (String user : op.userIds()) {
                    targets.addAll(state.userConnections(user));
                }
                targets.forEach(connection -> deliver(connection, op.payloads()));
            }
            return true;
        }
        if (operation instanceof SendToGroups op) {
            HubState state = hubs.get(op.hub());
            if (state != null) {
                Set<ClientConnection> targets = new LinkedHashSet<>();
                for (String group : op.groups()) {
                    targets.addAll(state.members(group, now));
                }
                for (ClientConnection connection : targets) {
                    if (!op.excludedConnections().contains(connection.id())
                            && (connection.userId() == null || !op.excludedUsers().contains(connection.userId()))) {
                        deliver(connection, op.payloads());
                    }
                }
            }
            return true;
        }
        if (operation instanceof JoinGroup op) {
            return hubs.containsKey(op.hub()) && hub(op.hub()).join(op.connectionId(), op.group());
        }
        if (operation instanceof LeaveGroup op) {
            HubState state = hubs.get(op.hub());
            if (state == null || state.connection(op.connectionId()) == null) {
                return false;
            }
            state.leave(op.connectionId(), op.group());
            return true;
        }
        if (operation instanceof LeaveAllGroups op) {
            HubState state = hubs.get(op.hub());
            if (state == null || state.connection(op.connectionId()) == null) {
                return false;
            }
            state.leaveAll(op.connectionId());
            return true;
        }
        if (operation instanceof UserJoinGroup op) {
            HubState state = hub(op.hub());
            if (op.expiresAt() != null && !op.expiresAt().isAfter(now)) {
                for (ClientConnection connection : state.userConnections(op.userId())) {
                    state.join(connection.id(), op.group());
                }
            } else {
                Instant longest = now.plus(limits.longestUserMembership());
                Instant expiry = op.expiresAt() == null || op.expiresAt().isAfter(longest) ? longest : op.expiresAt();
                if (!state.userJoin(op.userId(), op.group(), expiry, op.expiresAt() == null)) {
                    log.warn("Hub {} has group memberships of {} users; user {} not added to group {}", op.hub(),
                            limits.maxMemberUsers(), op.userId(), op.group());
                    return false;
                }
            }
            return true;
        }
        if (operation instanceof UserLeaveGroup op) {
            HubState state = hubs.get(op.hub());
            if (state != null) {
                state.userLeave(op.userId(), op.group());
            }
            return true;
        }
        if (operation instanceof UserLeaveAllGroups op) {
            HubState state = hubs.get(op.hub());
            if (state != null) {
                state.userLeaveAll(op.userId());
            }
            return true;
        }
        if (operation instanceof CloseConnections op) {
            HubState state = hubs.get(op.hub());
            boolean found = false;
            if (state != null) {
                for (String id : op.connectionIds()) {
                    ClientConnection connection = state.connection(id);
                    if (connection != null) {
                        closeQuietly(connection, op.reason());
                        found = true;
                    }
                }
            }
            return found;
        }
        if (operation instanceof CloseUserConnections op) {
            HubState state = hubs.get(op.hub());
            if (state != null) {
                closeAll(state.userConnections(op.userId()), op.excludedConnections(), op.reason());
            }
            return true;
        }
        if (operation instanceof CloseGroupConnections op) {
            HubState state = hubs.get(op.hub());
            if (state != null) {
                closeAll(state.members(op.group(), now), op.excludedConnections(), op.reason());
            }
            return true;
        }
        if (operation instanceof CloseAllConnections op) {
            HubState state = hubs.get(op.hub());
            if (state != null) {
                closeAll(state.connections(), op.excludedConnections(), op.reason());
            }
            return true;
        }
        if (operation instanceof InvokeClient op) {
            return invoke(op, now);
        }
        if (operation instanceof CompleteClientInvocation op) {
            pending.remove(op.invocationId());
            if (!op.forward()) {
                return true;
            }
            HubState state = hubs.get(op.hub());
            ServerConnection caller = state == null ? null : state.servers().stream()
                    .filter(s -> op.callerServerId().equals(s.serverId())).findFirst().orElse(null);
            if (caller != null) {
                caller.completeInvocation(op.invocationId(), op.connectionId(), op.protocol(), op.payload(), op.error());
            }
            return caller != null;
        }
        throw new IllegalArgumentException("Unknown operation " + operation);
    }

    /** Removes and returns the pending invocations whose deadline is at or before now. */
    public List<PendingInvocation> expireInvocations() {
        Instant now = clock.instant();
        List<PendingInvocation> expired = new ArrayList<>();
        pending.values().removeIf(invocation -> {
            boolean due = !invocation.deadline().isAfter(now);
            if (due) {
                expired.add(invocation);
            }
            return due;
        });
        return expired;
    }

    /** Drops expired user memberships (they already stop counting when they expire; this frees their memory). */
    public void purgeExpiredMemberships() {
        Instant now = clock.instant();
        hubs.values().forEach(state -> state.purgeExpired(now));
    }

    private boolean invoke(InvokeClient op, Instant now) {
        HubState state = hubs.get(op.hub());
        ClientConnection connection = state == null ? null : state.connection(op.connectionId());
        if (connection == null) {
            return false;
        }
        if (pending.size() >= limits.maxPendingInvocations()) {
            log.warn("Too many pending client invocations; invocation {} for {} refused", op.invocationId(),
                    op.connectionId());
            return false;
        }
        pending.put(op.invocationId(), new PendingInvocation(op.hub(), op.invocationId(), op.connectionId(),
                op.callerServerId(), now.plus(limits.clientInvocationTimeout())));
        ServerConnection routed = state.server(connection.serverConnectionId());
        if (routed != null && !op.callerServerId().equals(routed.serverId())) {
            routed.routeInvocation(op.invocationId(), op.connectionId(), op.callerServerId(), op.payloads());
        }
        deliver(connection, op.payloads());
        return true;
    }

    private static void deliver(ClientConnection connection, Map<String, byte[]> payloads) {
        byte[] bytes = Payloads.select(payloads, connection.protocol());
        if (bytes == null) {
            log.debug("No payload for protocol {} of connection {}; skipped", connection.protocol(), connection.id());
            return;
        }
        try {
            connection.send(bytes);
        } catch (RuntimeException e) {
            log.warn("Sending to connection {} failed", connection.id(), e);
        }
    }

    private static void closeAll(Collection<ClientConnection> connections, Set<String> excluded, String reason) {
        for (ClientConnection connection : connections) {
            if (!excluded.contains(connection.id())) {
                closeQuietly(connection, reason);
            }
        }
    }

    private static void closeQuietly(ClientConnection connection, String reason) {
        try {
            connection.close(reason);
        } catch (RuntimeException e) {
            log.warn("Closing connection {} failed", connection.id(), e);
        }
    }

    private HubState hub(String hub) {
        return hubs.computeIfAbsent(hub, key -> new HubState(key, limits));
    }
}
