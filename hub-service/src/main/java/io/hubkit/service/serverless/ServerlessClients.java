package io.hubkit.service.serverless;

import io.hubkit.core.protocol.HubProtocols;
import io.hubkit.service.routing.Claim;
import io.hubkit.service.routing.ServiceRouter;
import io.hubkit.spring.connection.RawConnection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serverless mode's entry point for client connections: the client endpoint hands each
 * authenticated connection over, untouched (no byte read yet), and this runs it as a
 * {@link ServerlessSession} until it ends. One shared heartbeat (once a second) checks every
 * session's handshake deadline, client timeout and keep-alive ping; there is no timer per
 * connection. Thread-safe.
 */
public final class ServerlessClients implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerlessClients.class);
    private static final long HEARTBEAT_MILLIS = 1000;

    private final ServiceRouter router;
    private final ServerlessUpstream upstream;
    private final ServerlessProperties properties;
    private final HubProtocols protocols = HubProtocols.defaults();
    private final Set<ServerlessSession> sessions = ConcurrentHashMap.newKeySet();
    private final Disposable heartbeat;

    public ServerlessClients(ServiceRouter router, ServerlessUpstream upstream, ServerlessProperties properties) {
        this.router = Objects.requireNonNull(router, "router");
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.heartbeat = Schedulers.parallel().schedulePeriodically(this::beat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Runs one client connection of hub {@code hub} until it ends; completes then, never fails.
     *
     * @param connection the connection, none of whose bytes has been read
     * @param hub        the hub key (lower-cased)
     * @param userId     the user id of its token ({@code asrs.s.uid}, else {@code nameid}), or {@code null}
     * @param claims     the claims of its token, in token order
     */
    public Mono<Void> handle(RawConnection connection, String hub, String userId, List<Claim> claims) {
        return Mono.defer(() -> {
            ServerlessSession session = new ServerlessSession(connection, hub, userId, claims, router, upstream,
                    properties, protocols);
            sessions.add(session);
            return session.run().doFinally(signal -> sessions.remove(session));
        });
    }

    /** The connections being run. */
    public int connectionCount() {
        return sessions.size();
    }

    /** Stops the heartbeat and closes every connection with a Close that allows reconnecting (to another instance). */
    @Override
    public void close() {
        heartbeat.dispose();
        for (ServerlessSession session : sessions) {
            session.shutdown();
        }
    }

    private void beat() {
        long now = System.nanoTime();
        for (ServerlessSession session : sessions) {
            try {
                session.onHeartbeat(now);
            } catch (RuntimeException e) {
                log.error("Heartbeat failed for serverless connection {}", session.id(), e);
            }
        }
    }
}
