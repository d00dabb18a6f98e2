package io.hubkit.spring.web.connection;

import java.util.Objects;

/**
 * One connection announced by negotiate (or created on the spot when the client skipped
 * negotiation): its public id, the secret token clients put in {@code ?id=}, the endpoint it
 * belongs to, which transport carries it, and the transport's {@link ConnectionChannel}.
 * Thread-safe; state changes are atomic under the instance's lock.
 *
 * <p>Life: <i>unused</i> (negotiated, no transport yet) → <i>active</i> (a transport request
 * carries it) ⇄ <i>idle</i> (between two long polls, or a stateful-reconnect WebSocket waiting for
 * its client to come back) → <i>gone</i> (ended, expired or released). An unused or idle
 * connection expires after the registry's disconnect timeout; an active one never does.
 */
public final class NegotiatedConnection {

    private final String connectionId;
    private final String token;
    private final String endpointName;
    private final boolean statefulReconnect;
    private final String userName;

    private String transport;
    private boolean active;
    private boolean gone;
    private long idleSinceNanos;
    private ConnectionChannel channel;

    NegotiatedConnection(String connectionId, String token, String endpointName, boolean statefulReconnect,
                         String userName, long createdNanos) {
        this.connectionId = connectionId;
        this.userName = userName;
        this.token = token;
        this.endpointName = endpointName;
        this.statefulReconnect = statefulReconnect;
        this.idleSinceNanos = createdNanos;
    }

    /** The public connection id, what other clients and the hub see. */
    public String connectionId() {
        return connectionId;
    }

    /** The secret token a client sends as {@code ?id=}; equals the id for negotiate version 0. */
    public String token() {
        return token;
    }

    /** The name of the endpoint (hub or raw endpoint) the connection was negotiated for. */
    public String endpointName() {
        return endpointName;
    }

    /** Whether negotiate granted stateful reconnect to this connection. */
    public boolean statefulReconnect() {
        return statefulReconnect;
    }

    /**
     * The name of the principal that negotiated the connection, or {@code null} when negotiate was
     * anonymous (or skipped). Every later request of the connection must come from a principal of
     * the same name.
     */
    public String userName() {
        return userName;
    }

    /** Whether a request by a principal named {@code requestUserName} ({@code null}: anonymous) may use the connection. */
    public boolean belongsTo(String requestUserName) {
        return Objects.equals(userName, requestUserName);
    }

    /** The transport that took the connection, or {@code null} while it is unused. */
    public synchronized String transport() {
        return transport;
    }

    /** Whether the connection has ended, expired or been released. */
    public synchronized boolean isGone() {
        return gone;
    }

    /** Whether a transport request carries the connection right now. */
    public synchronized boolean isActive() {
        return active;
    }

    /**
     * Lets a request of {@code transportName} carry the connection. The first transport to take an
     * unused connection binds it for life; while a request carries it, another one of the same
     * transport gets {@link Activation#ALREADY_ACTIVE} (long polling then supersedes the older poll).
     */
    public synchronized Activation activate(String transportName) {
        if (gone) {
            return Activation.GONE;
        }
        if (transport != null && !transport.equals(transportName)) {
            return Activation.OTHER_TRANSPORT;
        }
        if (active) {
            return Activation.ALREADY_ACTIVE;
        }
        transport = transportName;
        active = true;
        return Activation.ACTIVATED;
    }

    /** The transport's state for this connection, or {@code null} before a transport attached one. */
    public synchronized ConnectionChannel channel() {
        return channel;
    }

    /**
     * Attaches the transport's state. Returns false (and attaches nothing) when one is attached
     * already or the connection is gone.
     */
    public synchronized boolean attach(ConnectionChannel newChannel) {
        if (gone || channel != null) {
            return false;
        }
        channel = newChannel;
        return true;
    }

    /** No request carries the connection from {@code nowNanos} on; it expires if none comes in time. */
    synchronized void markIdle(long nowNanos) {
        if (!gone) {
            active = false;
            idleSinceNanos = nowNanos;
        }
    }

    /** Marks the connection gone; later requests with its token get 404. Idempotent. */
    synchronized void markGone() {
        gone = true;
        active = false;
    }

    /**
     * Marks the connection gone if no request has carried it since before {@code deadlineNanos}
     * (unused, or idle). Returns whether it is gone.
     */
    synchronized boolean expireIfIdleSince(long deadlineNanos) {
        if (!gone && !active && idleSinceNanos - deadlineNanos <= 0) {
            gone = true;
        }
        return gone;
    }
}
