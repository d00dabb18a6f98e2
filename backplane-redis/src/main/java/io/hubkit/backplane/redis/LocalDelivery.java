package io.hubkit.backplane.redis;

import io.hubkit.core.backplane.LocalConnections;
import io.hubkit.core.connection.HubConnection;
import io.hubkit.core.protocol.SerializedHubMessage;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes one message to this server's matching connections: the routing rules of the receiving
 * side (all minus excluded ids, group members minus excluded ids, a user's connections, one
 * connection), shared by messages that came from Redis and by the local fallback used while Redis
 * is unreachable. The message comes from a function of the connection, so that each connection
 * gets the encoding of its own protocol, encoded (or received) once per protocol. Stateless.
 */
final class LocalDelivery {

    private LocalDelivery() {
    }

    static void all(LocalConnections connections, Function<HubConnection, SerializedHubMessage> message,
                    Collection<String> excluded) {
        Set<String> skip = asSet(excluded);
        for (HubConnection connection : connections.all()) {
            if (!skip.contains(connection.connectionId())) {
                deliver(connection, message);
            }
        }
    }

    static void group(LocalConnections connections, String group, Function<HubConnection, SerializedHubMessage> message,
                      Collection<String> excluded) {
        Set<String> skip = asSet(excluded);
        for (HubConnection connection : connections.group(group)) {
            if (!skip.contains(connection.connectionId())) {
                deliver(connection, message);
            }
        }
    }

    /** Members of any of {@code groups}, each once. */
    static void groups(LocalConnections connections, Collection<String> groups,
                       Function<HubConnection, SerializedHubMessage> message) {
        Set<String> seen = new HashSet<>();
        for (String group : groups) {
            for (HubConnection connection : connections.group(group)) {
                if (seen.add(connection.connectionId())) {
                    deliver(connection, message);
                }
            }
        }
    }

    static void users(LocalConnections connections, Collection<String> users,
                      Function<HubConnection, SerializedHubMessage> message) {
        for (String user : asSet(users)) {
            for (HubConnection connection : connections.user(user)) {
                deliver(connection, message);
            }
        }
    }

    static void connection(LocalConnections connections, String connectionId,
                           Function<HubConnection, SerializedHubMessage> message) {
        HubConnection connection = connections.get(connectionId);
        if (connection != null) {
            deliver(connection, message);
        }
    }

    private static void deliver(HubConnection connection, Function<HubConnection, SerializedHubMessage> message) {
        SerializedHubMessage serialized = message.apply(connection);
        if (serialized != null) {
            connection.send(serialized);
        }
    }

    private static Set<String> asSet(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        return values instanceof Set<String> set ? set : new HashSet<>(values);
    }
}
