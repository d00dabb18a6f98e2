package io.hubkit.core.backplane;

import io.hubkit.core.connection.HubConnection;
import java.lang.reflect.Type;
import java.util.Collection;
import reactor.core.publisher.Mono;

/**
 * Routes one hub's messages to its connections, wherever they live. One instance per hub per
 * server; created by a {@link BackplaneFactory}.
 *
 * <p><b>Delivery.</b> A send completes when every target connection on this server has the
 * message in its outbound queue and, for a scale-out backplane, when the message has been handed
 * to the bus. Delivery is at most once: a connection that is gone, or a server that cannot be
 * reached, simply does not receive it (a send to nobody is not an error). A message is encoded at
 * most once per hub protocol, however many connections receive it.
 *
 * <p><b>Ordering.</b> Messages sent by one caller, one after another (each send subscribed after the
 * previous one completed), reach each connection in that order. Sends from different callers, or
 * concurrent sends, have no order relative to each other.
 *
 * <p><b>Groups and users.</b> Group membership is per connection and ends with it; user targets
 * are resolved from the connection's user id at the time of the send.
 *
 * <p>All methods are thread-safe, non-blocking and lazy (nothing happens until subscribed).
 */
public interface Backplane extends AutoCloseable {

    /** Registers a connection that completed its handshake on this server. */
    Mono<Void> onConnected(HubConnection connection);

    /** Removes a connection from every routing table (its groups, its user). */
    Mono<Void> onDisconnected(HubConnection connection);

    Mono<Void> sendAll(String method, Object[] args);

    Mono<Void> sendAllExcept(String method, Object[] args, Collection<String> excludedConnectionIds);

    Mono<Void> sendConnection(String connectionId, String method, Object[] args);

    Mono<Void> sendConnections(Collection<String> connectionIds, String method, Object[] args);

    Mono<Void> sendGroup(String groupName, String method, Object[] args);

    Mono<Void> sendGroups(Collection<String> groupNames, String method, Object[] args);

    Mono<Void> sendGroupExcept(String groupName, String method, Object[] args, Collection<String> excludedConnectionIds);

    Mono<Void> sendUser(String userId, String method, Object[] args);

    Mono<Void> sendUsers(Collection<String> userIds, String method, Object[] args);

    /** Adds a connection (on any server) to a group; completes once later sends to the group include it. */
    Mono<Void> addToGroup(String connectionId, String groupName);

    /** Removes a connection (on any server) from a group; completes once later sends exclude it. */
    Mono<Void> removeFromGroup(String connectionId, String groupName);

    /**
     * A client result: invokes {@code method} on one connection (on any server) and completes with
     * the client's answer bound to {@code resultType}. Fails with a {@link io.hubkit.core.HubException}
     * if the client answers with an error, if the connection is unknown or goes away, or when the
     * caller's timeout cancels it.
     */
    <T> Mono<T> invokeConnection(String connectionId, String method, Object[] args, Type resultType);

    /** Releases the backplane's resources (subscriptions, connections to a bus). */
    @Override
    void close();
}
