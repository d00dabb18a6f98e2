package io.hubkit.backplane.service;

import io.hubkit.backplane.service.client.ServiceClaimsPrincipal;
import java.net.InetAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * How the service backplane reaches its hub service and behaves. Immutable and thread-safe; build
 * one with {@link #builder()}.
 *
 * <ul>
 *   <li>{@code connectionString}: {@code Endpoint=…;AccessKey=…;Version=1.0;} (required), as Azure SignalR
 *       Service and HubKit's hub-service print it.</li>
 *   <li>{@code applicationName}: optional; hub keys on the wire become {@code app_hub} (lower case).</li>
 *   <li>{@code connectionCount}: server connections opened per hub and kept open for ever (reconnected with
 *       back-off). Default 5, as the Azure SDK.</li>
 *   <li>{@code maxConnectionCount}: the cap on server connections per hub, on-demand ones (those the service
 *       asks for with a {@code target} ping) included. Default {@code connectionCount + 5}.</li>
 *   <li>{@code handshakeTimeout}: how long a new server connection waits for the service's handshake
 *       response. Default 15 s.</li>
 *   <li>{@code keepAliveInterval}: a keep-alive ping is sent on a server connection idle for that long.
 *       Default 5 s.</li>
 *   <li>{@code serviceTimeout}: a server connection that hears nothing for that long is dropped. Default 30 s.</li>
 *   <li>{@code statusInterval}: how often each hub sends its {@code status} ping. Default 10 s.</li>
 *   <li>{@code ackTimeout}: how long a group change waits for the service's acknowledgement. Default 10 s.</li>
 *   <li>{@code clientResultTimeout}: how long a client result from a connection of another server is awaited;
 *       {@code null} (default): the hub's own {@code clientResultTimeout}.</li>
 *   <li>{@code shutdownTimeout}: how long closing waits for the service to acknowledge the graceful
 *       shutdown ({@code fin} → {@code finack}). Default 5 s.</li>
 *   <li>{@code maxMessageSize}: the largest service-protocol message accepted from the service. Default 16 MiB.</li>
 *   <li>{@code maxClientMessageSize}: the largest client message reassembled from partial data frames.
 *       Default 1 MiB.</li>
 *   <li>{@code maxOutboundBytes}: bytes that may wait to be written on one server connection; a write beyond
 *       it fails (the client or the send is given up, others go on). Default 16 MiB.</li>
 *   <li>{@code maxDataChunk}: the largest client data frame sent to the service; bigger writes are cut at hub
 *       message boundaries, a bigger single message is sent in partial pieces. Default 64 KiB.</li>
 *   <li>{@code principalMapper}: turns the user of a client routed here (its token claims) into the principal
 *       the hub sees, e.g. a framework's authentication object carrying roles. Default: the
 *       {@link ServiceClaimsPrincipal} itself. Its name must stay the user id.</li>
 *   <li>{@code serverId}: this app server's id ({@code nameid} of its tokens); default
 *       {@code {host}_{random 32 hex}}, as the Azure SDK makes it. Unique per app server.</li>
 * </ul>
 */
public final class ServiceBackplaneOptions {

    private final String connectionString;
    private final String applicationName;
    private final int connectionCount;
    private final int maxConnectionCount;
    private final Duration handshakeTimeout;
    private final Duration keepAliveInterval;
    private final Duration serviceTimeout;
    private final Duration statusInterval;
    private final Duration ackTimeout;
    private final Duration clientResultTimeout;
    private final Duration shutdownTimeout;
    private final int maxMessageSize;
    private final int maxClientMessageSize;
    private final long maxOutboundBytes;
    private final int maxDataChunk;
    private final String serverId;
    private final Function<ServiceClaimsPrincipal, Principal> principalMapper;

    private ServiceBackplaneOptions(Builder b) {
        if (b.connectionString == null || b.connectionString.isBlank()) {
            throw new IllegalArgumentException("A service connection string is needed "
                    + "(Endpoint=…;AccessKey=…;Version=1.0;)");
        }
        this.connectionString = b.connectionString;
        this.applicationName = b.applicationName == null || b.applicationName.isBlank() ? null : b.applicationName;
        if (b.connectionCount < 1) {
            throw new IllegalArgumentException("connectionCount must be at least 1, was " + b.connectionCount);
        }
        this.connectionCount = b.connectionCount;
        int max = b.maxConnectionCount == null ? b.connectionCount + 5 : b.maxConnectionCount;
        if (max < b.connectionCount) {
            throw new IllegalArgumentException("maxConnectionCount (" + max + ") is below connectionCount ("
                    + b.connectionCount + ")");
        }
        this.maxConnectionCount = max;
        this.handshakeTimeout = positive(b.handshakeTimeout, "handshakeTimeout");
        this.keepAliveInterval = positive(b.keepAliveInterval, "keepAliveInterval");
        this.serviceTimeout = positive(b.serviceTimeout, "serviceTimeout");
        this.statusInterval = positive(b.statusInterval, "statusInterval");
        this.ackTimeout = positive(b.ackTimeout, "ackTimeout");
        this.clientResultTimeout = b.clientResultTimeout == null ? null
                : positive(b.clientResultTimeout, "clientResultTimeout");
        this.shutdownTimeout = positive(b.shutdownTimeout, "shutdownTimeout");
        this.maxMessageSize = atLeast(b.maxMessageSize, 1024, "maxMessageSize");
        this.maxClientMessageSize = atLeast(b.maxClientMessageSize, 1024, "maxClientMessageSize");
        if (b.maxOutboundBytes < 64 * 1024) {
            throw new IllegalArgumentException("maxOutboundBytes must be at least 64 KiB");
        }
        this.maxOutboundBytes = b.maxOutboundBytes;
        this.maxDataChunk = atLeast(b.maxDataChunk, 256, "maxDataChunk");
        this.serverId = b.serverId == null || b.serverId.isBlank() ? defaultServerId() : b.serverId;
        this.principalMapper = Objects.requireNonNull(b.principalMapper, "principalMapper");
    }

    public static Builder builder() {
        return new Builder();
    }

    public String connectionString() {
        return connectionString;
    }

    /** The application name, or {@code null}. */
    public String applicationName() {
        return applicationName;
    }

    public int connectionCount() {
        return connectionCount;
    }

    public int maxConnectionCount() {
        return maxConnectionCount;
    }

    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    public Duration serviceTimeout() {
        return serviceTimeout;
    }

    public Duration statusInterval() {
        return statusInterval;
    }

    public Duration ackTimeout() {
        return ackTimeout;
    }

    /** The client-result timeout, or {@code null} for the hub's own. */
    public Duration clientResultTimeout() {
        return clientResultTimeout;
    }

    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    public int maxMessageSize() {
        return maxMessageSize;
    }

    public int maxClientMessageSize() {
        return maxClientMessageSize;
    }

    public long maxOutboundBytes() {
        return maxOutboundBytes;
    }

    public int maxDataChunk() {
        return maxDataChunk;
    }

    public String serverId() {
        return serverId;
    }

    public Function<ServiceClaimsPrincipal, Principal> principalMapper() {
        return principalMapper;
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    private static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    private static String defaultServerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "server";
        }
        return host + "_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Describes {@link ServiceBackplaneOptions}; not thread-safe. */
    public static final class Builder {

        private String connectionString;
        private String applicationName;
        private int connectionCount = 5;
        private Integer maxConnectionCount;
        private Duration handshakeTimeout = Duration.ofSeconds(15);
        private Duration keepAliveInterval = Duration.ofSeconds(5);
        private Duration serviceTimeout = Duration.ofSeconds(30);
        private Duration statusInterval = Duration.ofSeconds(10);
        private Duration ackTimeout = Duration.ofSeconds(10);
        private Duration clientResultTimeout;
        private Duration shutdownTimeout = Duration.ofSeconds(5);
        private int maxMessageSize = 16 * 1024 * 1024;
        private int maxClientMessageSize = 1024 * 1024;
        private long maxOutboundBytes = 16L * 1024 * 1024;
        private int maxDataChunk = 64 * 1024;
        private String serverId;
        private Function<ServiceClaimsPrincipal, Principal> principalMapper = principal -> principal;

        private Builder() {
        }

        public Builder connectionString(String connectionString) {
            this.connectionString = connectionString;
            return this;
        }

        public Builder applicationName(String applicationName) {
            this.applicationName = applicationName;
            return this;
        }

        public Builder connectionCount(int connectionCount) {
            this.connectionCount = connectionCount;
            return this;
        }

        /** {@code null}: {@code connectionCount + 5}. */
        public Builder maxConnectionCount(Integer maxConnectionCount) {
            this.maxConnectionCount = maxConnectionCount;
            return this;
        }

        public Builder handshakeTimeout(Duration handshakeTimeout) {
            this.handshakeTimeout = handshakeTimeout;
            return this;
        }

        public Builder keepAliveInterval(Duration keepAliveInterval) {
            this.keepAliveInterval = keepAliveInterval;
            return this;
        }

        public Builder serviceTimeout(Duration serviceTimeout) {
            this.serviceTimeout = serviceTimeout;
            return this;
        }

        public Builder statusInterval(Duration statusInterval) {
            this.statusInterval = statusInterval;
            return this;
        }

        public Builder ackTimeout(Duration ackTimeout) {
            this.ackTimeout = ackTimeout;
            return this;
        }

        public Builder clientResultTimeout(Duration clientResultTimeout) {
            this.clientResultTimeout = clientResultTimeout;
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        public Builder maxMessageSize(int maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
            return this;
        }

        public Builder maxClientMessageSize(int maxClientMessageSize) {
            this.maxClientMessageSize = maxClientMessageSize;
            return this;
        }

        public Builder maxOutboundBytes(long maxOutboundBytes) {
            this.maxOutboundBytes = maxOutboundBytes;
            return this;
        }

        public Builder maxDataChunk(int maxDataChunk) {
            this.maxDataChunk = maxDataChunk;
            return this;
        }

        /** {@code null} or blank: {@code {host}_{random 32 hex}}. */
        public Builder serverId(String serverId) {
            this.serverId = serverId;
            return this;
        }

        public Builder principalMapper(Function<ServiceClaimsPrincipal, Principal> principalMapper) {
            this.principalMapper = principalMapper;
            return this;
        }

        public ServiceBackplaneOptions build() {
            return new ServiceBackplaneOptions(this);
        }
    }
}
