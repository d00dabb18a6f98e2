package io.hubkit.core.observe;

import io.hubkit.core.backplane.Backplane;
import io.hubkit.core.connection.HubConnection;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * A {@link Backplane} that reports the latency and the failures of every send and group change to a
 * {@link HubObserver}, and otherwise delegates unchanged (same delivery and ordering guarantees).
 * The hub endpoint routes its {@code HubClients} and {@code GroupManager} through it, so that what
 * hub code and {@code HubContext} publish is measured; connection registration and client results
 * pass through unmeasured. Closing it closes nothing: the delegate belongs to the hub endpoint.
 * Thread-safe; each call is timed from subscription to completion.
 */
public final class ObservedBackplane implements Backplane {

    private final Backplane delegate;
    private final HubObserver observer;

    public ObservedBackplane(Backplane delegate, HubObserver observer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** The backplane that does the work. */
    public Backplane delegate() {
        return delegate;
    }

    @Override
    public Mono<Void> onConnected(HubConnection connection) {
        return delegate.onConnected(connection);
    }

    @Override
    public Mono<Void> onDisconnected(HubConnection connection) {
        return delegate.onDisconnected(connection);
    }

    @Override
    public Mono<Void> sendAll(String method, Object[] args) {
        return timed(BackplaneOperation.SEND_ALL, delegate.sendAll(method, args));
    }

    @Override
    public Mono<Void> sendAllExcept(String method, Object[] args, Collection<String> excludedConnectionIds) {
        return timed(BackplaneOperation.SEND_ALL_EXCEPT, delegate.sendAllExcept(method, args, excludedConnectionIds));
    }

    @Override
    public Mono<Void> sendConnection(String connectionId, String method, Object[] args) {
        return timed(BackplaneOperation.SEND_CONNECTION, delegate.sendConnection(connectionId, method, args));
    }

    @Override
    public Mono<Void> sendConnections(Collection<String> connectionIds, String method, Object[] args) {
        return timed(BackplaneOperation.SEND_CONNECTIONS, delegate.sendConnections(connectionIds, method, args));
    }

    @Override
    public Mono<Void> sendGroup(String groupName, String method, Object[] args) {
        return timed(BackplaneOperation.SEND_GROUP, delegate.sendGroup(groupName, method, args));
    }

    @Override
    public Mono<Void> sendGroups(Collection<String> groupNames, String method, Object[] args) {
        return timed(BackplaneOperation.SEND_GROUPS, delegate.sendGroups(groupNames, method, args));
    }

    @Override
    public Mono<Void> sendGroupExcept(String groupName, String method, Object[] args,
                                      Collection<String> excludedConnectionIds) {
        return timed(BackplaneOperation.SEND_GROUP_EXCEPT,
                delegate.sendGroupExcept(groupName, method, args, excludedConnectionIds));
    }

    @Override
    public Mono<Void> sendUser(String userId, String method, Object[] args) {
        return timed(BackplaneOperation.SEND_USER, delegate.sendUser(userId, method, args));
    }

    @Override
    public Mono<Void> sendUsers(Collection<String> userIds, String method, Object[] args) {
        return timed(BackplaneOperation.SEND_USERS, delegate.sendUsers(userIds, method, args));
    }

    @Override
    public Mono<Void> addToGroup(String connectionId, String groupName) {
        return timed(BackplaneOperation.ADD_TO_GROUP, delegate.addToGroup(connectionId, groupName));
    }

    @Override
    public Mono<Void> removeFromGroup(String connectionId, String groupName) {
        return timed(BackplaneOperation.REMOVE_FROM_GROUP, delegate.removeFromGroup(connectionId, groupName));
    }

    @Override
    public <T> Mono<T> invokeConnection(String connectionId, String method, Object[] args, Type resultType) {
        return delegate.invokeConnection(connectionId, method, args, resultType);
    }

    /** Does nothing: the delegate is closed by its owner. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "ObservedBackplane[" + delegate + "]";
    }

    private Mono<Void> timed(BackplaneOperation operation, Mono<Void> call) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return call
                    .doOnSuccess(ignored -> observer.backplaneCall(operation, System.nanoTime() - start, null))
                    .doOnError(error -> observer.backplaneCall(operation, System.nanoTime() - start, error));
        });
    }
}
