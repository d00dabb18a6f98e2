package io.hubkit.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits and timers of one hub, with the defaults of ASP.NET Core SignalR. Immutable and
 * thread-safe; build one with {@link #builder()} or derive one with {@link #toBuilder()}.
 *
 * <p>Every limit is enforced per connection: a client exceeding it gets the documented protocol
 * error and never disturbs other connections.
 */
public final class HubOptions {

    private static final HubOptions DEFAULTS = builder().build();

    private final Duration keepAliveInterval;
    private final Duration clientTimeoutInterval;
    private final Duration handshakeTimeout;
    private final int maximumReceiveMessageSize;
    private final int streamBufferCapacity;
    private final int maximumParallelInvocationsPerClient;
    private final boolean enableDetailedErrors;
    private final Duration clientResultTimeout;
    private final int outboundQueueCapacity;
    private final Duration heartbeatInterval;
    private final int statefulReconnectBufferSize;

    private HubOptions(Builder b) {
        this.keepAliveInterval = positive(b.keepAliveInterval, "keepAliveInterval");
        this.clientTimeoutInterval = positive(b.clientTimeoutInterval, "clientTimeoutInterval");
        this.handshakeTimeout = positive(b.handshakeTimeout, "handshakeTimeout");
        this.maximumReceiveMessageSize = atLeastOne(b.maximumReceiveMessageSize, "maximumReceiveMessageSize");
        this.streamBufferCapacity = atLeastOne(b.streamBufferCapacity, "streamBufferCapacity");
        this.maximumParallelInvocationsPerClient =
                atLeastOne(b.maximumParallelInvocationsPerClient, "maximumParallelInvocationsPerClient");
        this.enableDetailedErrors = b.enableDetailedErrors;
        this.clientResultTimeout = positive(b.clientResultTimeout, "clientResultTimeout");
        this.outboundQueueCapacity = atLeastOne(b.outboundQueueCapacity, "outboundQueueCapacity");
        this.heartbeatInterval = positive(b.heartbeatInterval, "heartbeatInterval");
        this.statefulReconnectBufferSize = atLeastOne(b.statefulReconnectBufferSize, "statefulReconnectBufferSize");
    }

    /** The options with every default. */
    public static HubOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .keepAliveInterval(keepAliveInterval)
                .clientTimeoutInterval(clientTimeoutInterval)
                .handshakeTimeout(handshakeTimeout)
                .maximumReceiveMessageSize(maximumReceiveMessageSize)
                .streamBufferCapacity(streamBufferCapacity)
                .maximumParallelInvocationsPerClient(maximumParallelInvocationsPerClient)
                .enableDetailedErrors(enableDetailedErrors)
                .clientResultTimeout(clientResultTimeout)
                .outboundQueueCapacity(outboundQueueCapacity)
                .heartbeatInterval(heartbeatInterval)
                .statefulReconnectBufferSize(statefulReconnectBufferSize);
    }

    /** A Ping is sent when nothing else was sent for this long (not on long polling). Default 15 s. */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /**
     * A connection that sent nothing for this long is closed. The timer starts with the client's
     * first Ping, as in ASP.NET Core. Default 30 s.
     */
    public Duration clientTimeoutInterval() {
        return clientTimeoutInterval;
    }

    /** The client must complete its handshake within this time. Default 15 s. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** The largest hub message (and handshake) a client may send, in bytes. Default 32768. */
    public int maximumReceiveMessageSize() {
        return maximumReceiveMessageSize;
    }

    /** Items buffered per client-to-server stream before the receive loop waits. Default 10. */
    public int streamBufferCapacity() {
        return streamBufferCapacity;
    }

    /** Hub invocations of one client running at the same time (streams excluded). Default 1. */
    public int maximumParallelInvocationsPerClient() {
        return maximumParallelInvocationsPerClient;
    }

    /** Whether exception types and messages reach clients in error texts. Default false. */
    public boolean enableDetailedErrors() {
        return enableDetailedErrors;
    }

    /** How long a server waits for a client result before failing it. Default 30 s. */
    public Duration clientResultTimeout() {
        return clientResultTimeout;
    }

    /**
     * Messages queued for one connection before it counts as a slow consumer and is closed with an
     * error (its queued messages are dropped). Default 10 000.
     */
    public int outboundQueueCapacity() {
        return outboundQueueCapacity;
    }

    /**
     * How often the runtime checks handshake deadlines, keep-alive and client timeouts: one shared
     * tick per hub, as ASP.NET Core's 1 s heartbeat. Timers fire up to one tick late. Default 1 s.
     */
    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    /**
     * With stateful reconnect, how many bytes of sent messages the client has not acknowledged yet
     * are kept to be sent again after a reconnect; at the limit, writing waits for the client's
     * acknowledgements. Default 100 000, as ASP.NET Core.
     */
    public int statefulReconnectBufferSize() {
        return statefulReconnectBufferSize;
    }

    @Override
    public String toString() {
        return "HubOptions[keepAliveInterval=" + keepAliveInterval + ", clientTimeoutInterval=" + clientTimeoutInterval
                + ", handshakeTimeout=" + handshakeTimeout + ", maximumReceiveMessageSize=" + maximumReceiveMessageSize
                + ", streamBufferCapacity=" + streamBufferCapacity + ", maximumParallelInvocationsPerClient="
                + maximumParallelInvocationsPerClient + ", enableDetailedErrors=" + enableDetailedErrors
                + ", clientResultTimeout=" + clientResultTimeout + ", outboundQueueCapacity=" + outboundQueueCapacity
                + ", heartbeatInterval=" + heartbeatInterval
                + ", statefulReconnectBufferSize=" + statefulReconnectBufferSize + "]";
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    private static int atLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
        return value;
    }

    /** Collects options; {@link #build()} validates them (durations positive, sizes at least 1). Not thread-safe. */
    public static final class Builder {

        private Duration keepAliveInterval = Duration.ofSeconds(15);
        private Duration clientTimeoutInterval = Duration.ofSeconds(30);
        private Duration handshakeTimeout = Duration.ofSeconds(15);
        private int maximumReceiveMessageSize = 32 * 1024;
        private int streamBufferCapacity = 10;
        private int maximumParallelInvocationsPerClient = 1;
        private boolean enableDetailedErrors;
        private Duration clientResultTimeout = Duration.ofSeconds(30);
        private int outboundQueueCapacity = 10_000;
        private Duration heartbeatInterval = Duration.ofSeconds(1);
        private int statefulReconnectBufferSize = 100_000;

        private Builder() {
        }

        public Builder keepAliveInterval(Duration value) {
            this.keepAliveInterval = value;
            return this;
        }

        public Builder clientTimeoutInterval(Duration value) {
            this.clientTimeoutInterval = value;
            return this;
        }

        public Builder handshakeTimeout(Duration value) {
            this.handshakeTimeout = value;
            return this;
        }

        public Builder maximumReceiveMessageSize(int value) {
            this.maximumReceiveMessageSize = value;
            return this;
        }

        public Builder streamBufferCapacity(int value) {
            this.streamBufferCapacity = value;
            return this;
        }

        public Builder maximumParallelInvocationsPerClient(int value) {
            this.maximumParallelInvocationsPerClient = value;
            return this;
        }

        public Builder enableDetailedErrors(boolean value) {
            this.enableDetailedErrors = value;
            return this;
        }

        public Builder clientResultTimeout(Duration value) {
            this.clientResultTimeout = value;
            return this;
        }

        public Builder outboundQueueCapacity(int value) {
            this.outboundQueueCapacity = value;
            return this;
        }

        public Builder statefulReconnectBufferSize(int value) {
            this.statefulReconnectBufferSize = value;
            return this;
        }

        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = value;
            return this;
        }

        public HubOptions build() {
            return new HubOptions(this);
        }
    }
}
