package io.hubkit.core.backplane;

import io.hubkit.core.HubException;
import io.hubkit.core.connection.HubConnection;
import io.hubkit.core.observe.BackplaneInspection;
import io.hubkit.core.observe.BackplaneStatus;
import io.hubkit.core.protocol.InvocationMessage;
import io.hubkit.core.protocol.SerializedHubMessage;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The in-process {@link Backplane}: every connection of the hub lives on this server. The default
 * {@link BackplaneFactory} ({@code LocalBackplane::new}) and the reference behaviour the
 * specification suite describes.
 *
 * <p>A send builds one {@link SerializedHubMessage}, lazily, when it finds its first target; every
 * target's outbound queue gets the same instance, so the message is encoded at most once per
 * protocol. Delivery happens on the subscribing thread and completes once every target has it
 * queued; a connection receives a message once even when several targets of one send name it
 * (e.g. two of its groups). Group and user changes are in effect when their Mono completes. Its
 * {@link BackplaneInspection} type is {@code local}; it is always up.
 */
public final class LocalBackplane implements Backplane, BackplaneInspection {

    private final LocalConnections connections = new LocalConnections();

    /** A backplane for the hub described by {@code hub} (the local backplane needs nothing from it). */
    public LocalBackplane(BackplaneHubContext hub) {
    }

    public LocalBackplane() {
    }

    /** The local routing tables (read-only use intended, e.g. for metrics). */
    public LocalConnections connections() {
        return connections;
    }

    @Override
    public Mono<Void> onConnected(HubConnection connection) {
        return Mono.fromRunnable(() -> connections.add(connection));
    }

    @Override
    public Mono<Void> onDisconnected(HubConnection connection) {
        return Mono.fromRunnable(() -> connections.remove(connection));
    }

    @Override
    public Mono<Void> sendAll(String method, Object[] args) {
        return Mono.fromRunnable(() -> {
            Fanout fanout = new Fanout(method, args, connections.size() > 1);
            for (HubConnection connection : connections.all()) {
                fanout.deliver(connection);
            }
        });
    }

    @Override
    public Mono<Void> sendAllExcept(String method, Object[] args, Collection<String> excludedConnectionIds) {
        return Mono.fromRunnable(() -> {
            Set<String> excluded = asSet(excludedConnectionIds);
            Fanout fanout = new Fanout(method, args, connections.size() > excluded.size() + 1);
            for (HubConnection connection : connections.all()) {
                if (!excluded.contains(connection.connectionId())) {
                    fanout.deliver(connection);
                }
            }
        });
    }

    @Override
    public Mono<Void> sendConnection(String connectionId, String method, Object[] args) {
        return Mono.fromRunnable(() -> {
            HubConnection connection = connections.get(connectionId);
            if (connection != null) {
                new Fanout(method, args, false).deliver(connection);
            }
        });
    }

    @Override
    public Mono<Void> sendConnections(Collection<String> connectionIds, String method, Object[] args) {
        return Mono.fromRunnable(() -> {
            Set<String> ids = asSet(connectionIds);
            Fanout fanout = new Fanout(method, args, ids.size() > 1);
            for (String id : ids) {
                HubConnection connection = connections.get(id);
                if (connection != null) {
                    fanout.deliver(connection);
                }
            }
        });
    }

    @Override
    public Mono<Void> sendGroup(String groupName, String method, Object[] args) {
        return Mono.fromRunnable(() -> {
            Collection<HubConnection> members = connections.group(groupName);
            Fanout fanout = new Fanout(method, args, members.size() > 1);
            for (HubConnection connection : members) {
                fanout.deliver(connection);
            }
        });
    }

    @Override
    public Mono<Void> sendGroups(Collection<String> groupNames, String method, Object[] args) {
        return Mono.fromRunnable(() -> {
            Fanout fanout = new Fanout(method, args, true);
            Set<String> seen = new HashSet<>();
            for (String group : asSet(groupNames)) {
                for (HubConnection connection : connections.group(group)) {
                    if (seen.add(connection.connectionId())) {
                        fanout.deliver(connection);
                    }
                }
            }
        });
    }

    @Override
    public Mono<Void> sendGroupExcept(String groupName, String method, Object[] args,
                                      Collection<String> excludedConnectionIds) {
        return Mono.fromRunnable(() -> {
            Set<String> excluded = asSet(excludedConnectionIds);
            Collection<HubConnection> members = connections.group(groupName);
            Fanout fanout = new Fanout(method, args, members.size() > excluded.size() + 1);
            for (HubConnection connection : members) {
                if (!excluded.contains(connection.connectionId())) {
                    fanout.deliver(connection);
                }
            }
        });
    }

    @Override
    public Mono<Void> sendUser(String userId, String method, Object[] args) {
        return Mono.fromRunnable(() -> {
            Collection<HubConnection> members = connections.user(userId);
            Fanout fanout = new Fanout(method, args, members.size() > 1);
            for (HubConnection connection : members) {
                fanout.deliver(connection);
            }
        });
    }

    @Override
    public Mono<Void> sendUsers(Collection<String> userIds, String method, Object[] args) {
        return Mono.fromRunnable(() -> {
            Fanout fanout = new Fanout(method, args, true);
            for (String user : asSet(userIds)) {
                for (HubConnection connection : connections.user(user)) {
                    fanout.deliver(connection);
                }
            }
        });
    }

    @Override
    public Mono<Void> addToGroup(String connectionId, String groupName) {
        return Mono.fromRunnable(() -> connections.addToGroup(connectionId, groupName));
    }

    @Override
    public Mono<Void> removeFromGroup(String connectionId, String groupName) {
        return Mono.fromRunnable(() -> connections.removeFromGroup(connectionId, groupName));
    }

    @Override
    public <T> Mono<T> invokeConnection(String connectionId, String method, Object[] args, Type resultType) {
        return Mono.defer(() -> {
            HubConnection connection = connections.get(connectionId);
            if (connection == null) {
                return Mono.error(new HubException("Connection '" + connectionId + "' does not exist."));
            }
            return connection.invoke(method, args, resultType);
        });
    }

    @Override
    public void close() {
        // nothing to release: connections are ended by their handler
    }

    /** {@code local}. */
    @Override
    public String type() {
        return "local";
    }

    /** Always up: there is no bus to lose. The details give the number of local connections. */
    @Override
    public Mono<BackplaneStatus> status() {
        return Mono.fromSupplier(() -> BackplaneStatus.up(Map.of("connections", connections.size())));
    }

    @Override
    public int localGroupCount() {
        return connections.groupCount();
    }

    @Override
    public int localUserCount() {
        return connections.userCount();
    }

    private static Set<String> asSet(Collection<String> values) {
        return values == null ? Set.of() : values instanceof Set<String> set ? set : new HashSet<>(values);
    }

    /**
     * One send's message, serialized on the first delivery and shared by all; when the send is
     * expected to reach several connections, its encodings live in direct memory
     * ({@link SerializedHubMessage#forFanOut}).
     */
    private static final class Fanout {

        private final String method;
        private final Object[] args;
        private final boolean many;
        private SerializedHubMessage message;

        Fanout(String method, Object[] args, boolean many) {
            this.method = method;
            this.args = args;
            this.many = many;
        }

        void deliver(HubConnection connection) {
            if (message == null) {
                Object[] arguments = args == null ? new Object[0] : args.clone();
                InvocationMessage invocation =
                        InvocationMessage.nonBlocking(method, Collections.unmodifiableList(Arrays.asList(arguments)));
                message = many ? SerializedHubMessage.forFanOut(invocation) : new SerializedHubMessage(invocation);
            }
            connection.send(message);
        }
    }
}
