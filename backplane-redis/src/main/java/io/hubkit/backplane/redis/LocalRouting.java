package io.hubkit.backplane.redis;

import io.hubkit.core.backplane.LocalConnections;
import io.hubkit.core.connection.HubConnection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This server's side of one hub: its connections, their users and groups
 * ({@link LocalConnections}), and the Redis subscriptions they need, reference-counted: one
 * {@code connection:{id}} channel per connection, one {@code user:{id}} channel per user with at
 * least one connection here, one {@code group:{name}} channel per group with at least one member
 * here.
 *
 * <p>Thread-safe. Changes of one connection's groups are serialized on that connection's entry,
 * and a connection that has left cannot join a group any more. Group names and user ids are
 * case-sensitive (ordinal), unlike ASP.NET Core's Redis backplane, which ignores case when it
 * tracks a connection's groups.
 */
final class LocalRouting {

    /** One local connection and the groups it is in (guarded by the member itself). */
    private static final class Member {
        final HubConnection connection;
        final Set<String> groups = new HashSet<>();
        boolean left;

        Member(HubConnection connection) {
            this.connection = connection;
        }
    }

    private final LocalConnections connections = new LocalConnections();
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final ChannelSubscriptions subscriptions;
    private final RedisChannels channels;

    LocalRouting(ChannelSubscriptions subscriptions, RedisChannels channels) {
        this.subscriptions = subscriptions;
        this.channels = channels;
    }

    /** The routing tables, for delivering. */
    LocalConnections connections() {
        return connections;
    }

    /** The local connection with this id, or {@code null}. */
    HubConnection get(String connectionId) {
        Member member = connectionId == null ? null : members.get(connectionId);
        return member == null ? null : member.connection;
    }

    /** Adds a connection; completes when its connection (and user) channel is subscribed. */
    CompletableFuture<Void> connect(HubConnection connection) {
        members.put(connection.connectionId(), new Member(connection));
        connections.add(connection);
        List<CompletableFuture<Void>> subscribed = new ArrayList<>(2);
        subscribed.add(subscriptions.acquire(channels.connection(connection.connectionId())));
        if (connection.userIdentifier() != null) {
            subscribed.add(subscriptions.acquire(channels.user(connection.userIdentifier())));
        }
        return CompletableFuture.allOf(subscribed.toArray(CompletableFuture[]::new));
    }

    /** Removes a connection from every table and releases its subscriptions. */
    void disconnect(HubConnection connection) {
        String id = connection.connectionId();
        Member member = members.get(id);
        if (member == null || member.connection != connection || !members.remove(id, member)) {
            return;
        }
        List<String> groups;
        synchronized (member) {
            member.left = true;
            groups = new ArrayList<>(member.groups);
            member.groups.clear();
        }
        connections.remove(connection);
        for (String group : groups) {
            subscriptions.release(channels.group(group));
        }
        subscriptions.release(channels.connection(id));
        if (connection.userIdentifier() != null) {
            subscriptions.release(channels.user(connection.userIdentifier()));
        }
    }

    /**
     * Adds a local connection to a group; {@code null} if the connection is not here. Completes
     * when the group's channel is subscribed, so that later group sends reach the connection.
     */
    CompletableFuture<Void> addToGroup(String connectionId, String groupName) {
        Member member = members.get(connectionId);
        if (member == null) {
            return null;
        }
        synchronized (member) {
            if (member.left) {
                return CompletableFuture.completedFuture(null);
            }
            String channel = channels.group(groupName);
            if (!member.groups.add(groupName)) {
                return subscriptions.whenSubscribed(channel);
            }
            connections.addToGroup(connectionId, groupName);
            return subscriptions.acquire(channel);
        }
    }

    /** Removes a local connection from a group; {@code false} if the connection is not here. */
    boolean removeFromGroup(String connectionId, String groupName) {
        Member member = members.get(connectionId);
        if (member == null) {
            return false;
        }
        synchronized (member) {
            if (member.groups.remove(groupName)) {
                connections.removeFromGroup(connectionId, groupName);
                subscriptions.release(channels.group(groupName));
            }
        }
        return true;
    }

    /** The number of local connections. */
    int size() {
        return members.size();
    }

    /** The number of groups with at least one member on this server. */
    int groupCount() {
        return connections.groupCount();
    }

    /** The number of distinct user ids among this server's connections. */
    int userCount() {
        return connections.userCount();
    }
}
