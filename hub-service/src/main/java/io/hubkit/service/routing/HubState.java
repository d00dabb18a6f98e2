package io.hubkit.service.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of one hub on this instance: its client connections, group memberships of
 * connections and users, the user index and its server connections. Membership changes and
 * member lookups hold the state's monitor briefly (lookups return snapshots); connection lookups
 * by id do not lock. Thread-safe.
 */
final class HubState {

    private final String hub;
    private final RoutingLimits limits;

    private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();
    private final Map<String, ServerConnection> servers = new ConcurrentHashMap<>();

    // guarded by this
    private final Map<String, Set<String>> userConnections = new HashMap<>();
    private final Map<String, Set<String>> groupConnections = new HashMap<>();
    private final Map<String, Set<String>> connectionGroups = new HashMap<>();
    /** user -> group -> expiry, in insertion order (oldest first) so the oldest can be evicted. */
    private final Map<String, LinkedHashMap<String, Instant>> userGroups = new HashMap<>();
    /** user -> groups joined without TTL, oldest first. */
    private final Map<String, LinkedHashSet<String>> permanentUserGroups = new HashMap<>();
    /** group -> users (the reverse index of userGroups). */
    private final Map<String, Set<String>> groupUsers = new HashMap<>();
    private final Map<String, Integer> routedClients = new HashMap<>();

    HubState(String hub, RoutingLimits limits) {
        this.hub = hub;
        this.limits = limits;
    }

    String hub() {
        return hub;
    }

    // ---- connections

    boolean add(ClientConnection connection) {
        synchronized (this) {
            if (connections.putIfAbsent(connection.id(), connection) != null) {
                return false;
            }
            if (connection.userId() != null) {
                userConnections.computeIfAbsent(connection.userId(), u -> new LinkedHashSet<>()).add(connection.id());
            }
            if (connection.serverConnectionId() != null) {
                routedClients.merge(connection.serverConnectionId(), 1, Integer::sum);
            }
            return true;
        }
    }

    boolean remove(ClientConnection connection) {
        synchronized (this) {
            if (!connections.remove(connection.id(), connection)) {
                return false;
            }
            String user = connection.userId();
            if (user != null) {
                removeFrom(userConnections, user, connection.id());
            }
            Set<String> groups = connectionGroups.remove(connection.id());
            if (groups != null) {
                for (String group : groups) {
                    removeFrom(groupConnections, group, connection.id());
                }
            }
            if (connection.serverConnectionId() != null) {
                routedClients.computeIfPresent(connection.serverConnectionId(), (k, n) -> n <= 1 ? null : n - 1);
            }
            return true;
        }
    }

    ClientConnection connection(String id) {
        return id == null ? null : connections.get(id);
    }

    List<ClientConnection> connections() {
        return new ArrayList<>(connections.values());
    }

    int connectionCount() {
        return connections.size();
    }

    synchronized List<ClientConnection> userConnections(String user) {
        return resolve(userConnections.get(user));
    }

    synchronized boolean hasUser(String user) {
        Set<String> ids = userConnections.get(user);
        return ids != null && !ids.isEmpty();
    }

    // ---- groups of connections

    /** Adds a local connection to a group; false when the connection is not here or is in too many groups. */
    synchronized boolean join(String connectionId, String group) {
        if (!connections.containsKey(connectionId)) {
            return false;
        }
        Set<String> groups = connectionGroups.computeIfAbsent(connectionId, c -> new LinkedHashSet<>());
        if (!groups.contains(group) && groups.size() >= limits.maxGroupsPerConnection()) {
            return false;
        }
        groups.add(group);
        groupConnections.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(connectionId);
        return true;
    }

    synchronized boolean leave(String connectionId, String group) {
        boolean removed = removeFrom(groupConnections, group, connectionId);
        removeFrom(connectionGroups, connectionId, group);
        return removed;
    }

    synchronized void leaveAll(String connectionId) {
        Set<String> groups = connectionGroups.remove(connectionId);
        if (groups != null) {
            for (String group : groups) {
                removeFrom(groupConnections, group, connectionId);
            }
        }
    }

    // ---- groups of users

    /**
     * Adds a user membership until {@code expiresAt}; evicts the user's oldest memberships beyond the
     * limits. False (nothing added) when the hub already has memberships of the most users allowed.
     */
    synchronized boolean userJoin(String user, String group, Instant expiresAt, boolean permanent) {
        if (!userGroups.containsKey(user) && userGroups.size() >= limits.maxMemberUsers()) {
            return false;
        }
        LinkedHashMap<String, Instant> groups = userGroups.computeIfAbsent(user, u -> new LinkedHashMap<>());
        groups.remove(group);
        groups.put(group, expiresAt);
        groupUsers.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(user);
        LinkedHashSet<String> permanentGroups = permanentUserGroups.computeIfAbsent(user, u -> new LinkedHashSet<>());
        permanentGroups.remove(group);
        if (permanent) {
            permanentGroups.add(group);
            if (permanentGroups.size() > limits.maxPermanentGroupsPerUser()) {
                String oldest = permanentGroups.iterator().next();
                userLeaveMembership(user, oldest);
            }
        }
        while (groups.size() > limits.maxGroupsPerUser()) {
            userLeaveMembership(user, groups.keySet().iterator().next());
        }
        if (permanentGroups.isEmpty()) {
            permanentUserGroups.remove(user);
        }
        return true;
    }

    /** Removes the user membership and the memberships of the user's connections in {@code group}. */
    synchronized void userLeave(String user, String group) {
        userLeaveMembership(user, group);
        for (String connectionId : snapshot(userConnections.get(user))) {
            leave(connectionId, group);
        }
    }

    synchronized void userLeaveAll(String user) {
        LinkedHashMap<String, Instant> groups = userGroups.get(user);
        if (groups != null) {
            for (String group : new ArrayList<>(groups.keySet())) {
                userLeaveMembership(user, group);
            }
        }
        for (String connectionId : snapshot(userConnections.get(user))) {
            leaveAll(connectionId);
        }
    }

    private void userLeaveMembership(String user, String group) {
        LinkedHashMap<String, Instant> groups = userGroups.get(user);
        if (groups != null && groups.remove(group) != null) {
            if (groups.isEmpty()) {
                userGroups.remove(user);
            }
            removeFrom(groupUsers, group, user);
        }
        LinkedHashSet<String> permanent = permanentUserGroups.get(user);
        if (permanent != null && permanent.remove(group) && permanent.isEmpty()) {
            permanentUserGroups.remove(user);
        }
    }

    /** Drops user memberships that expired at or before {@code now}. */
    synchronized void purgeExpired(Instant now) {
        for (String user : new ArrayList<>(userGroups.keySet())) {
            LinkedHashMap<String, Instant> groups = userGroups.get(user);
            for (Iterator<Map.Entry<String, Instant>> it = groups.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Instant> entry = it.next();
                if (!entry.getValue().isAfter(now)) {
                    it.remove();
                    removeFrom(groupUsers, entry.getKey(), user);
                    LinkedHashSet<String> permanent = permanentUserGroups.get(user);
                    if (permanent != null && permanent.remove(entry.getKey()) && permanent.isEmpty()) {
                        permanentUserGroups.remove(user);
                    }
                }
            }
            if (groups.isEmpty()) {
                userGroups.remove(user);
            }
        }
    }

    /** The local members of {@code group}: its connections and the connections of its (unexpired) users. */
    synchronized Set<ClientConnection> members(String group, Instant now) {
        Set<ClientConnection> members = new LinkedHashSet<>(resolve(groupConnections.get(group)));
        for (String user : snapshot(groupUsers.get(group))) {
            if (isUserMember(user, group, now)) {
                members.addAll(resolve(userConnections.get(user)));
            }
        }
        return members;
    }

    synchronized boolean hasMembers(String group, Instant now) {
        Set<String> direct = groupConnections.get(group);
        if (direct != null && !direct.isEmpty()) {
            return true;
        }
        for (String user : snapshot(groupUsers.get(group))) {
            if (isUserMember(user, group, now) && hasUser(user)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the user is a member (unexpired) or one of its local connections is in the group. */
    synchronized boolean userInGroup(String user, String group, Instant now) {
        if (isUserMember(user, group, now)) {
            return true;
        }
        for (String connectionId : snapshot(userConnections.get(user))) {
            Set<String> groups = connectionGroups.get(connectionId);
            if (groups != null && groups.contains(group)) {
                return true;
            }
        }
        return false;
    }

    synchronized int groupCount() {
        Set<String> names = new LinkedHashSet<>(groupConnections.keySet());
        names.addAll(groupUsers.keySet());
        return names.size();
    }

    synchronized boolean isEmpty() {
        return connections.isEmpty() && servers.isEmpty() && userGroups.isEmpty();
    }

    private boolean isUserMember(String user, String group, Instant now) {
        LinkedHashMap<String, Instant> groups = userGroups.get(user);
        Instant expiry = groups == null ? null : groups.get(group);
        return expiry != null && expiry.isAfter(now);
    }

    // ---- servers

    boolean addServer(ServerConnection server) {
        return servers.putIfAbsent(server.id(), server) == null;
    }

    boolean removeServer(ServerConnection server) {
        return servers.remove(server.id(), server);
    }

    List<ServerConnection> servers() {
        return new ArrayList<>(servers.values());
    }

    ServerConnection server(String id) {
        return id == null ? null : servers.get(id);
    }

    synchronized int routedClients(String serverConnectionId) {
        return routedClients.getOrDefault(serverConnectionId, 0);
    }

    // ---- helpers

    private List<ClientConnection> resolve(Set<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<ClientConnection> resolved = new ArrayList<>(ids.size());
        for (String id : ids) {
            ClientConnection connection = connections.get(id);
            if (connection != null) {
                resolved.add(connection);
            }
        }
        return resolved;
    }

    private static List<String> snapshot(Set<String> values) {
        return values == null ? List.of() : new ArrayList<>(values);
    }

    private static <K> boolean removeFrom(Map<K, Set<String>> index, K key, String value) {
        Set<String> values = index.get(key);
        if (values == null || !values.remove(value)) {
            return false;
        }
        if (values.isEmpty()) {
            index.remove(key);
        }
        return true;
    }
}
