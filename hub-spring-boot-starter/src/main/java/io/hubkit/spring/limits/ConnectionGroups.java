package io.hubkit.spring.limits;

import io.hubkit.core.HubException;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerContext;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The {@link GroupManager} handed to one connection's hub code while {@link GroupLimitFilter} is on:
 * it counts the groups the calling connection adds <em>itself</em> to and refuses the one beyond the
 * limit with {@code HubException: Too many groups: a connection may join <n>.}. Joining a group it
 * is already in costs nothing; leaving one frees its place. Changes to other connections' groups
 * pass through uncounted (their servers may be elsewhere). The count lives in the caller's items,
 * so it ends with the connection. Thread-safe: the count is updated under the set's lock before the
 * membership change is started and undone if that change fails.
 */
final class ConnectionGroups implements GroupManager {

    private static final Object JOINED = new Object();

    private final GroupManager delegate;
    private final HubCallerContext caller;
    private final int limit;

    ConnectionGroups(GroupManager delegate, HubCallerContext caller, int limit) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.limit = limit;
    }

    /** The manager this one wraps. */
    GroupManager delegate() {
        return delegate;
    }

    @Override
    public Mono<Void> addToGroup(String connectionId, String groupName) {
        if (!caller.connectionId().equals(connectionId) || groupName == null) {
            return delegate.addToGroup(connectionId, groupName);
        }
        Set<String> joined = joined();
        boolean added;
        synchronized (joined) {
            if (!joined.contains(groupName) && joined.size() >= limit) {
                return Mono.error(new HubException("Too many groups: a connection may join " + limit + "."));
            }
            added = joined.add(groupName);
        }
        Mono<Void> change = delegate.addToGroup(connectionId, groupName);
        return added ? change.doOnError(error -> forget(joined, groupName)) : change;
    }

    @Override
    public Mono<Void> removeFromGroup(String connectionId, String groupName) {
        if (!caller.connectionId().equals(connectionId) || groupName == null) {
            return delegate.removeFromGroup(connectionId, groupName);
        }
        Set<String> joined = joined();
        return delegate.removeFromGroup(connectionId, groupName).doOnSuccess(done -> forget(joined, groupName));
    }

    @SuppressWarnings("unchecked")
    private Set<String> joined() {
        return (Set<String>) caller.items().computeIfAbsent(JOINED, key -> new HashSet<String>());
    }

    private static void forget(Set<String> joined, String groupName) {
        synchronized (joined) {
            joined.remove(groupName);
        }
    }
}
