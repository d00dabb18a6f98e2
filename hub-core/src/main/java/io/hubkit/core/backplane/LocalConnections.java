package io.hubkit.core.backplane;

import io.hubkit.core.connection.HubConnection;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routing tables of the connections one server holds for one hub: by connection id, by user
 * id, and by group. Lock-free ({@link ConcurrentHashMap}s); reads see a weakly consistent view, so
 * a send racing with a join may or may not include the joining connection, but a join that
 * completed before a send started is always seen. Empty groups and users are removed.
 * {@link LocalBackplane} is built on it; scale-out backplanes can use it for their local side.
 */
public final class LocalConnections {

    private final Map<String, HubConnection> byId = new ConcurrentHashMap<>();
    private final Map<String, Map<String, HubConnection>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Map<String, HubConnection>> byGroup = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> groupsOf = new ConcurrentHashMap<>();

    /** Adds a connection that completed its handshake. */
    public void add(HubConnection connection) {
        byId.put(connection.connectionId(), connection);
        String user = connection.userIdentifier();
        if (user != null) {
            byUser.compute(user, (key, members) -> {
                Map<String, HubConnection> m = members == null ? new ConcurrentHashMap<>() : members;
                m.put(connection.connectionId(), connection);
                return m;
            });
        }
    }

    /** Removes a connection from every table (its user and all its groups). */
    public void remove(HubConnection connection) {
        String id = connection.connectionId();
        byId.remove(id, connection);
        String user = connection.userIdentifier();
        if (user != null) {
            byUser.computeIfPresent(user, (key, members) -> {
                members.remove(id, connection);
                return members.isEmpty() ? null : members;
            });
        }
        Set<String> groups = groupsOf.remove(id);
        if (groups != null) {
            for (String group : groups) {
                leave(group, id);
            }
        }
    }

    /** The connection with this id, or {@code null}. */
    public HubConnection get(String connectionId) {
        return connectionId == null ? null : byId.get(connectionId);
    }

    /** Every connection (a live view). */
    public Collection<HubConnection> all() {
        return byId.values();
    }

    /** The connections of user {@code userId} (a live view, empty if none). */
    public Collection<HubConnection> user(String userId) {
        Map<String, HubConnection> members = userId == null ? null : byUser.get(userId);
        return members == null ? Set.of() : members.values();
    }

    /** The members of {@code groupName} (a live view, empty if none). */
    public Collection<HubConnection> group(String groupName) {
        Map<String, HubConnection> members = groupName == null ? null : byGroup.get(groupName);
        return members == null ? Set.of() : members.values();
    }

    /** Adds a local connection to a group; false if no such connection is here. */
    public boolean addToGroup(String connectionId, String groupName) {
        HubConnection connection = byId.get(connectionId);
        if (connection == null) {
            return false;
        }
        groupsOf.computeIfAbsent(connectionId, key -> ConcurrentHashMap.newKeySet()).add(groupName);
        byGroup.compute(groupName, (key, members) -> {
            Map<String, HubConnection> m = members == null ? new ConcurrentHashMap<>() : members;
            m.put(connectionId, connection);
            return m;
        });
        if (byId.get(connectionId) != connection) {
            // the connection left while joining: undo, so that no group keeps a dead member
            removeFromGroup(connectionId, groupName);
        }
        return true;
    }

    /** Removes a connection from a group; false if it was not a member. */
    public boolean removeFromGroup(String connectionId, String groupName) {
        Set<String> groups = groupsOf.get(connectionId);
        if (groups != null) {
            groups.remove(groupName);
        }
        return leave(groupName, connectionId);
    }

    /** The number of connections. */
    public int size() {
        return byId.size();
    }

    /** The number of groups with at least one member. */
    public int groupCount() {
        return byGroup.size();
    }

    /** The number of distinct user ids among the connections. */
    public int userCount() {
        return byUser.size();
    }

    private boolean leave(String groupName, String connectionId) {
        boolean[] removed = new boolean[1];
        byGroup.computeIfPresent(groupName, (key, members) -> {
            removed[0] = members.remove(connectionId) != null;
            return members.isEmpty() ? null : members;
        });
        return removed[0];
    }
}
