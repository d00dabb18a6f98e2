package io.hubkit.backplane.service.server;

import io.hubkit.backplane.service.ServiceBackplaneOptions;
import io.hubkit.backplane.service.protocol.AckMessage;
import io.hubkit.backplane.service.protocol.PingMessage;
import io.hubkit.backplane.service.protocol.ServiceConnectionType;
import io.hubkit.backplane.service.protocol.ServiceMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * The server connections of one hub: {@code connectionCount} default connections, each restarted
 * for ever after it ends (back-off of {@link RetryDelays}), plus on-demand connections the service
 * asks for with a {@code target} ping, up to {@code maxConnectionCount} in all (never restarted).
 * Sends a {@code status} ping every status interval.
 *
 * <p><b>Ordering.</b> Every message not tied to a client connection ({@link #send}, {@link #sendWithAck})
 * goes over the <em>primary</em> connection — the first connected default slot — so that the
 * service handles one server's sends in the order they were made (a join before a later group
 * send, one broadcast before the next). Another connection takes over when the primary drops.
 * Client data goes over the connection carrying the client (see the client package).
 *
 * <p>Messages other than pings and acks go to the {@link ServerConnectionListener} given. Thread-safe.
 */
public final class ServerConnectionPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerConnectionPool.class);

    private final String hubKey;
    private final ServiceAccess access;
    private final HttpClient httpClient;
    private final ServiceBackplaneOptions options;
    private final ServerConnectionListener listener;
    private final ServerConnection[] slots;
    private final int[] failures;
    private final List<ServerConnection> onDemand = new CopyOnWriteArrayList<>();
    private final Set<ServerConnection> live = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> requestedTargets = new ConcurrentHashMap<>();
    private final PendingAcks acks;
    private final List<Disposable> tasks = new CopyOnWriteArrayList<>();
    private volatile boolean started;
    private volatile boolean closed;
    private volatile Throwable lastError;

    public ServerConnectionPool(String hubKey, ServiceAccess access, HttpClient httpClient,
                                ServiceBackplaneOptions options, ServerConnectionListener listener) {
        this.hubKey = hubKey;
        this.access = access;
        this.httpClient = httpClient;
        this.options = options;
        this.listener = listener;
        this.slots = new ServerConnection[options.connectionCount()];
        this.failures = new int[options.connectionCount()];
        this.acks = new PendingAcks(options.ackTimeout());
    }

    /** The hub key the connections are opened for. */
    public String hubKey() {
        return hubKey;
    }

    /** Opens the default connections (once) and starts the status pings. */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        for (int i = 0; i < slots.length; i++) {
            open(i);
        }
        long period = options.statusInterval().toMillis();
        tasks.add(Schedulers.parallel().schedulePeriodically(this::sendStatus, period, period, TimeUnit.MILLISECONDS));
    }

    /**
     * Sends {@code message} over the primary connection. Fails with a
     * {@link ServiceUnavailableException} when no connection is up or its queue is full.
     */
    public Mono<Void> send(ServiceMessage message) {
        return Mono.defer(() -> {
            ServerConnection primary = primary();
            if (primary == null) {
                return Mono.error(unavailable());
            }
            if (!primary.send(message)) {
                return Mono.error(new ServiceUnavailableException("The server connection to the service for hub '"
                        + hubKey + "' cannot take more messages now"));
            }
            return Mono.empty();
        });
    }

    /**
     * Sends the message {@code build} makes for a fresh ack id over the primary connection, and
     * emits the service's {@code Ack}. Fails with a {@link java.util.concurrent.TimeoutException}
     * after the ack timeout and with a {@link ServiceUnavailableException} when it cannot be sent.
     */
    public Mono<AckMessage> sendWithAck(IntFunction<ServiceMessage> build) {
        return acks.await(id -> {
            ServerConnection primary = primary();
            return primary != null && primary.send(build.apply(id));
        }, unavailable());
    }

    /** The connections up now (a snapshot). */
    public List<ServerConnection> connections() {
        return List.copyOf(live);
    }

    /** Whether at least one connection is up. */
    public boolean isConnected() {
        return primary() != null;
    }

    /** The last reason a connection ended or failed to open, or {@code null}. */
    public Throwable lastError() {
        return lastError;
    }

    /** Acknowledgements awaited now. */
    public int pendingAcks() {
        return acks.size();
    }

    /**
     * Graceful shutdown: asks the service on every connection to stop routing new clients here
     * ({@code fin}), waits for each {@code finack} (bounded by the shutdown timeout). The
     * connections stay open until {@link #close()}. Never fails.
     */
    public Mono<Void> shutdown() {
        return Flux.fromIterable(connections())
                .flatMap(connection -> connection.shutdown(options.shutdownTimeout()))
                .then();
    }

    /** Closes every connection, stops reconnecting, and fails the pending acknowledgements. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        tasks.forEach(Disposable::dispose);
        for (ServerConnection connection : slots) {
            if (connection != null) {
                connection.close();
            }
        }
        onDemand.forEach(ServerConnection::close);
        acks.close(new ServiceUnavailableException("The service backplane of hub '" + hubKey + "' closed"));
    }

    private ServerConnection primary() {
        for (ServerConnection connection : slots) {
            if (connection != null && connection.isConnected()) {
                return connection;
            }
        }
        for (ServerConnection connection : onDemand) {
            if (connection.isConnected()) {
                return connection;
            }
        }
        return null;
    }

    private ServiceUnavailableException unavailable() {
        Throwable cause = lastError;
        return new ServiceUnavailableException("No server connection to the service is up for hub '" + hubKey + "'"
                + (cause == null ? "" : " (last error: " + cause.getMessage() + ")"));
    }

    private void open(int slot) {
        ServerConnection connection;
        synchronized (this) {
            if (closed) {
                return;
            }
            connection = new ServerConnection(hubKey, ServiceConnectionType.DEFAULT, null, access, httpClient, options,
                    new SlotListener(slot));
            slots[slot] = connection;
        }
        connection.run().subscribe();
    }

    private void openOnDemand(String target) {
        ServerConnection connection;
        synchronized (this) {
            if (closed || slots.length + onDemand.size() >= options.maxConnectionCount()
                    || requestedTargets.putIfAbsent(target, Boolean.TRUE) != null) {
                return;
            }
            connection = new ServerConnection(hubKey, ServiceConnectionType.ON_DEMAND, target, access,
                    httpClient, options, new OnDemandListener(target));
            onDemand.add(connection);
        }
        connection.run().subscribe();
    }

    private void sendStatus() {
        ServerConnection primary = primary();
        if (primary != null) {
            primary.send(new PingMessage(List.of("status", "1")));
        }
    }

    private void onPing(PingMessage ping) {
        List<String> values = ping.messages();
        if (values.size() >= 2 && "target".equals(values.get(0)) && !values.get(1).isEmpty()) {
            openOnDemand(values.get(1));
        }
        // status, servers, offline, d-m: informational for this implementation
    }

    /** Handles what every connection of the pool hears; pings and acks stay here. */
    private abstract class PoolListener implements ServerConnectionListener {

        @Override
        public void connected(ServerConnection connection) {
            live.add(connection);
            log.debug("{} connected", connection);
            listener.connected(connection);
        }

        @Override
        public void received(ServerConnection connection, ServiceMessage message) {
            if (message instanceof AckMessage ack) {
                acks.acknowledged(ack);
            } else if (message instanceof PingMessage ping) {
                onPing(ping);
            } else {
                listener.received(connection, message);
            }
        }

        @Override
        public void disconnected(ServerConnection connection, Throwable error) {
            live.remove(connection);
            if (error != null) {
                lastError = error;
            }
            listener.disconnected(connection, error);
        }
    }

    /** A default connection: restarted after it ends, unless the pool is closed. */
    private final class SlotListener extends PoolListener {

        private final int slot;

        SlotListener(int slot) {
            this.slot = slot;
        }

        @Override
        public void connected(ServerConnection connection) {
            synchronized (ServerConnectionPool.this) {
                failures[slot] = 0;
            }
            super.connected(connection);
        }

        @Override
        public void disconnected(ServerConnection connection, Throwable error) {
            super.disconnected(connection, error);
            Duration delay;
            synchronized (ServerConnectionPool.this) {
                if (closed) {
                    return;
                }
                delay = RetryDelays.afterFailures(failures[slot]);
                failures[slot] = Math.min(failures[slot] + 1, 100);
            }
            if (!closed) {
                log.info("Server connection to hub '{}' ended ({}); reconnecting in {} ms", hubKey,
                        error == null ? "closed" : error.getMessage(), delay.toMillis());
            }
            tasks.removeIf(Disposable::isDisposed);
            tasks.add(Schedulers.parallel().schedule(() -> open(slot), delay.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /** An on-demand connection: removed (not restarted) when it ends. */
    private final class OnDemandListener extends PoolListener {

        private final String target;

        OnDemandListener(String target) {
            this.target = target;
        }

        @Override
        public void disconnected(ServerConnection connection, Throwable error) {
            onDemand.remove(connection);
            requestedTargets.remove(target);
            super.disconnected(connection, error);
        }
    }

    /** For diagnostics: the state of every slot. */
    public List<String> describe() {
        List<String> states = new ArrayList<>();
        for (ServerConnection connection : slots) {
            states.add(connection != null && connection.isConnected() ? "connected" : "connecting");
        }
        for (ServerConnection connection : onDemand) {
            states.add(connection.isConnected() ? "connected (on demand)" : "connecting (on demand)");
        }
        return states;
    }
}
