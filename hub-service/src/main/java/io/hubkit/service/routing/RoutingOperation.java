package io.hubkit.service.routing;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One routing operation as a value, so that it can be applied to this instance and carried to the
 * other instances of the service by a {@link ServiceBus} (an implementation serialises these
 * records; they hold only strings, byte arrays, collections of those, numbers and instants).
 * Every operation names its hub key. Applying an operation affects only the connections and
 * memberships the applying instance holds, except user-group memberships, which every instance
 * keeps (a user's future connections may land anywhere). Immutable (collections are copied; the
 * payload byte arrays are shared and must not be modified).
 */
public sealed interface RoutingOperation {

    /** The hub key (lower-cased hub name) the operation applies to. */
    String hub();

    /** Sends to every connection of the hub except {@code excludedConnections}. */
    record Broadcast(String hub, Map<String, byte[]> payloads, Set<String> excludedConnections)
            implements RoutingOperation {
        public Broadcast {
            Objects.requireNonNull(hub, "hub");
            payloads = Map.copyOf(payloads);
            excludedConnections = Set.copyOf(excludedConnections);
        }
    }

    /** Sends to each of {@code connectionIds}. */
    record SendToConnections(String hub, Set<String> connectionIds, Map<String, byte[]> payloads)
            implements RoutingOperation {
        public SendToConnections {
            Objects.requireNonNull(hub, "hub");
            connectionIds = Set.copyOf(connectionIds);
            payloads = Map.copyOf(payloads);
        }
    }

    /** Sends to every connection of each of {@code userIds}. */
    record SendToUsers(String hub, Set<String> userIds, Map<String, byte[]> payloads) implements RoutingOperation {
        public SendToUsers {
            Objects.requireNonNull(hub, "hub");
            userIds = Set.copyOf(userIds);
            payloads = Map.copyOf(payloads);
        }
    }

    /**
     * Sends to every member of each of {@code groups} (each connection once, even when it is in
     * several), except {@code excludedConnections} and the connections of {@code excludedUsers}.
     */
    record SendToGroups(String hub, Set<String> groups, Map<String, byte[]> payloads,
                        Set<String> excludedConnections, Set<String> excludedUsers) implements RoutingOperation {
        public SendToGroups {
            Objects.requireNonNull(hub, "hub");
            groups = Set.copyOf(groups);
            payloads = Map.copyOf(payloads);
            excludedConnections = Set.copyOf(excludedConnections);
            excludedUsers = Set.copyOf(excludedUsers);
        }
    }

    /** Adds a connection to a group. */
    record JoinGroup(String hub, String connectionId, String group) implements RoutingOperation {
        public JoinGroup {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(connectionId, "connectionId");
            Objects.requireNonNull(group, "group");
        }
    }

    /** Removes a connection from a group. */
    record LeaveGroup(String hub, String connectionId, String group) implements RoutingOperation {
        public LeaveGroup {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(connectionId, "connectionId");
            Objects.requireNonNull(group, "group");
        }
    }

    /** Removes a connection from every group. */
    record LeaveAllGroups(String hub, String connectionId) implements RoutingOperation {
        public LeaveAllGroups {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(connectionId, "connectionId");
        }
    }

    /**
     * Adds a user to a group: the user's connections, present and future, are members until
     * {@code expiresAt} ({@code null}: the service's longest membership, a year). An {@code expiresAt}
     * not after the operation's application adds only the user's current connections (REST
     * {@code ttl=0}).
     */
    record UserJoinGroup(String hub, String userId, String group, Instant expiresAt) implements RoutingOperation {
        public UserJoinGroup {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(group, "group");
        }
    }

    /** Removes a user (its membership and its connections' memberships) from a group. */
    record UserLeaveGroup(String hub, String userId, String group) implements RoutingOperation {
        public UserLeaveGroup {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(group, "group");
        }
    }

    /** Removes a user (its memberships and its connections' memberships) from every group. */
    record UserLeaveAllGroups(String hub, String userId) implements RoutingOperation {
        public UserLeaveAllGroups {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** Closes the given connections with {@code reason} ({@code null}: no error). */
    record CloseConnections(String hub, Set<String> connectionIds, String reason) implements RoutingOperation {
        public CloseConnections {
            Objects.requireNonNull(hub, "hub");
            connectionIds = Set.copyOf(connectionIds);
        }
    }

    /** Closes every connection of a user except {@code excludedConnections}. */
    record CloseUserConnections(String hub, String userId, Set<String> excludedConnections, String reason)
            implements RoutingOperation {
        public CloseUserConnections {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(userId, "userId");
            excludedConnections = Set.copyOf(excludedConnections);
        }
    }

    /** Closes every member of a group except {@code excludedConnections}. */
    record CloseGroupConnections(String hub, String group, Set<String> excludedConnections, String reason)
            implements RoutingOperation {
        public CloseGroupConnections {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(group, "group");
            excludedConnections = Set.copyOf(excludedConnections);
        }
    }

    /** Closes every connection of the hub except {@code excludedConnections}. */
    record CloseAllConnections(String hub, Set<String> excludedConnections, String reason)
            implements RoutingOperation {
        public CloseAllConnections {
            Objects.requireNonNull(hub, "hub");
            excludedConnections = Set.copyOf(excludedConnections);
        }
    }

    /**
     * A client invocation (client results) started by app server {@code callerServerId}: the
     * instance holding the connection writes the client's payload to it, remembers the invocation
     * until it is answered (errors for a client that goes away or times out) and, when the client
     * is routed over another server, tells that server (see {@link ServerConnection#routeInvocation})
     * so that it reports the client's completion back.
     */
    record InvokeClient(String hub, String invocationId, String connectionId, String callerServerId,
                        Map<String, byte[]> payloads) implements RoutingOperation {
        public InvokeClient {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(invocationId, "invocationId");
            Objects.requireNonNull(connectionId, "connectionId");
            Objects.requireNonNull(callerServerId, "callerServerId");
            payloads = Map.copyOf(payloads);
        }
    }

    /**
     * The answer to a client invocation, reported by the app server the client is routed over:
     * every instance forgets the pending invocation; when {@code forward} is set, the instance
     * holding a connection of app server {@code callerServerId} delivers it
     * ({@link ServerConnection#completeInvocation}). Either {@code payload} (framed in
     * {@code protocol}) or {@code error} is set.
     */
    record CompleteClientInvocation(String hub, String invocationId, String connectionId, String callerServerId,
                                    String protocol, byte[] payload, String error, boolean forward)
            implements RoutingOperation {
        public CompleteClientInvocation {
            Objects.requireNonNull(hub, "hub");
            Objects.requireNonNull(invocationId, "invocationId");
            Objects.requireNonNull(callerServerId, "callerServerId");
            if ((payload == null) == (error == null)) {
                throw new IllegalArgumentException("exactly one of payload and error must be set");
            }
        }
    }
}
