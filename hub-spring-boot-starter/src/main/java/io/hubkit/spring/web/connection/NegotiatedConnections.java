package io.hubkit.spring.web.connection;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of negotiated connections of every endpoint, keyed by connection token. Thread-safe
 * and bounded: at most {@code maxConnections} entries (negotiate is refused beyond that), and a
 * connection that no request has carried for the disconnect timeout (never used, or idle between
 * requests) expires: it leaves the registry and its {@link ConnectionChannel}, if any, is told to
 * end the connection. One daemon thread scans for expired entries once a second; {@link #close()}
 * stops it.
 *
 * <p>Connections whose client skipped negotiation ({@link #createUnregistered}) never enter the
 * registry: no later request can name them.
 */
public final class NegotiatedConnections implements AutoCloseable {

    /** Upper bound on registered connections (unused plus active) when none is given. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1_000_000;

    private static final Logger log = LoggerFactory.getLogger(NegotiatedConnections.class);
    private static final long SCAN_PERIOD_MILLIS = 1000;

    private final Map<String, NegotiatedConnection> byToken = new ConcurrentHashMap<>();
    private final long disconnectTimeoutNanos;
    private final int maxConnections;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService scanner;

    /** A registry that expires unused connections after {@code disconnectTimeout}, scanning every second. */
    public NegotiatedConnections(Duration disconnectTimeout) {
        this(disconnectTimeout, DEFAULT_MAX_CONNECTIONS, System::nanoTime, true);
    }

    NegotiatedConnections(Duration disconnectTimeout, int maxConnections, LongSupplier nanoClock, boolean scan) {
        if (disconnectTimeout.isNegative() || disconnectTimeout.isZero()) {
            throw new IllegalArgumentException("disconnect timeout must be positive: " + disconnectTimeout);
        }
        this.disconnectTimeoutNanos = disconnectTimeout.toNanos();
        this.maxConnections = maxConnections;
        this.nanoClock = nanoClock;
        if (scan) {
            this.scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "hubkit-connection-expiry");
                thread.setDaemon(true);
                return thread;
            });
            this.scanner.scheduleWithFixedDelay(this::expireQuietly, SCAN_PERIOD_MILLIS, SCAN_PERIOD_MILLIS,
                    TimeUnit.MILLISECONDS);
        } else {
            this.scanner = null;
        }
    }

    /**
     * Registers a new connection of endpoint {@code endpointName} for negotiate version
     * {@code negotiateVersion} (token = id for version 0, a separate secret for version 1). Returns
     * {@code null} when the registry is full.
     */
    public NegotiatedConnection negotiate(String endpointName, int negotiateVersion) {
        return negotiate(endpointName, negotiateVersion, false);
    }

    /** As {@link #negotiate(String, int)}, recording whether stateful reconnect was granted. */
    public NegotiatedConnection negotiate(String endpointName, int negotiateVersion, boolean statefulReconnect) {
        return negotiate(endpointName, negotiateVersion, statefulReconnect, null);
    }

    /**
     * As {@link #negotiate(String, int, boolean)}, recording the name of the negotiating principal
     * ({@code null} for an anonymous one): later requests of the connection must come from it.
     */
    public NegotiatedConnection negotiate(String endpointName, int negotiateVersion, boolean statefulReconnect,
                                          String userName) {
        if (byToken.size() >= maxConnections) {
            return null;
        }
        String connectionId = ConnectionIds.next();
        String token = negotiateVersion > 0 ? ConnectionIds.next() : connectionId;
        NegotiatedConnection connection = new NegotiatedConnection(connectionId, token, endpointName,
                statefulReconnect, userName, nanoClock.getAsLong());
        byToken.put(token, connection);
        return connection;
    }

    /** A connection for a client that skipped negotiation: a fresh id, not registered. */
    public NegotiatedConnection createUnregistered(String endpointName) {
        String connectionId = ConnectionIds.next();
        return new NegotiatedConnection(connectionId, connectionId, endpointName, false, null, nanoClock.getAsLong());
    }

    /** The live connection of endpoint {@code endpointName} whose token is {@code token}, or {@code null}. */
    public NegotiatedConnection find(String token, String endpointName) {
        if (token == null) {
            return null;
        }
        NegotiatedConnection connection = byToken.get(token);
        if (connection == null || !connection.endpointName().equals(endpointName) || connection.isGone()) {
            return null;
        }
        return connection;
    }

    /**
     * No request carries {@code connection} any more (a poll ended, a resumable WebSocket dropped):
     * it expires unless a request takes it within the disconnect timeout.
     */
    public void markIdle(NegotiatedConnection connection) {
        connection.markIdle(nanoClock.getAsLong());
    }

    /** Ends {@code connection}: it leaves the registry and later requests naming it get 404. Idempotent. */
    public void release(NegotiatedConnection connection) {
        connection.markGone();
        byToken.remove(connection.token(), connection);
    }

    /** How many connections are registered (unused or active). */
    public int size() {
        return byToken.size();
    }

    /**
     * Removes every connection no request has carried within the disconnect timeout, and tells the
     * channels of those a transport had started to end them; returns how many expired.
     */
    int expireIdle() {
        long deadline = nanoClock.getAsLong() - disconnectTimeoutNanos;
        int expired = 0;
        for (Iterator<NegotiatedConnection> it = byToken.values().iterator(); it.hasNext(); ) {
            NegotiatedConnection connection = it.next();
            if (connection.expireIfIdleSince(deadline)) {
                it.remove();
                expired++;
                ConnectionChannel channel = connection.channel();
                if (channel != null) {
                    try {
                        channel.expire();
                    } catch (RuntimeException e) {
                        log.warn("Ending expired connection {} failed", connection.connectionId(), e);
                    }
                }
            }
        }
        return expired;
    }

    private void expireQuietly() {
        try {
            int expired = expireIdle();
            if (expired > 0) {
                log.debug("Expired {} idle or unused connection(s)", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Scanning for expired connections failed", e);
        }
    }

    /** Stops the expiry scan. Registered connections stay as they are. */
    @Override
    public void close() {
        if (scanner != null) {
            scanner.shutdownNow();
        }
    }
}
