package io.hubkit.spring.limits;

import io.hubkit.core.HubException;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.core.dispatch.HubFilter;
import io.hubkit.core.dispatch.HubLifetimeContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Limits the connections of one server (all hubs together) and of one user id. A connection is
 * counted when its handshake has completed, before the hub's connected callback; over a limit it
 * is refused: the callback does not run and the connection closes with the error
 * {@code "HubException: Too many connections ..."}, which the official clients report. It leaves
 * the counts when it ends. Anonymous connections (no user id) count only towards the server limit.
 * One instance serves every hub; thread-safe (atomic counters, per-user entries removed at zero).
 */
public final class ConnectionLimitFilter implements HubFilter {

    private static final Object COUNTED = new Object();

    private final int maxConnections;
    private final int maxConnectionsPerUser;
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

    /** @param maxConnections the server's limit, 0 for none; @param maxConnectionsPerUser a user's limit, 0 for none */
    public ConnectionLimitFilter(int maxConnections, int maxConnectionsPerUser) {
        this.maxConnections = maxConnections;
        this.maxConnectionsPerUser = maxConnectionsPerUser;
    }

    @Override
    public Mono<Void> onConnected(HubLifetimeContext context, LifetimeNext next) {
        HubCallerContext connection = context.context();
        if (connections.incrementAndGet() > maxConnections && maxConnections > 0) {
            connections.decrementAndGet();
            return Mono.error(new HubException("Too many connections: this server accepts " + maxConnections + "."));
        }
        String user = connection.userIdentifier();
        if (user != null && !enterUser(user)) {
            connections.decrementAndGet();
            return Mono.error(new HubException("Too many connections: a user may open " + maxConnectionsPerUser + "."));
        }
        connection.items().put(COUNTED, Boolean.TRUE);
        return next.invoke(context);
    }

    @Override
    public Mono<Void> onDisconnected(HubLifetimeContext context, Throwable error, DisconnectedNext next) {
        HubCallerContext connection = context.context();
        if (connection.items().remove(COUNTED) != null) {
            connections.decrementAndGet();
            String user = connection.userIdentifier();
            if (user != null) {
                leaveUser(user);
            }
        }
        return next.invoke(context, error);
    }

    /** Connections counted now (for tests and diagnostics). */
    public int connections() {
        return connections.get();
    }

    private boolean enterUser(String user) {
        boolean[] admitted = {true};
        perUser.compute(user, (key, count) -> {
            AtomicInteger current = count == null ? new AtomicInteger() : count;
            if (maxConnectionsPerUser > 0 && current.get() >= maxConnectionsPerUser) {
                admitted[0] = false;
                return count;
            }
            current.incrementAndGet();
            return current;
        });
        return admitted[0];
    }

    private void leaveUser(String user) {
        perUser.computeIfPresent(user, (key, count) -> count.decrementAndGet() == 0 ? null : count);
    }
}
