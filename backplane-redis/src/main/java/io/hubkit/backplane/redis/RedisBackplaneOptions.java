package io.hubkit.backplane.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the Redis backplane connects and behaves. Immutable and thread-safe; build one with
 * {@link #builder()}.
 *
 * <ul>
 *   <li>{@code uris}: {@code redis://[password@]host:port[/db]} (or {@code rediss://}); the first is used in
 *       {@link RedisMode#STANDALONE}, all of them seed the topology of a cluster. Default
 *       {@code redis://localhost:6379}.</li>
 *   <li>{@code mode}: {@link RedisMode}, default {@link RedisMode#STANDALONE}.</li>
 *   <li>{@code channelPrefix}: bytes in front of every channel name, no separator (StackExchange.Redis's
 *       {@code ChannelPrefix}); give each application sharing one Redis its own. Default empty.</li>
 *   <li>{@code hubChannelNames}: hub name to channel name (e.g. {@code "ChatHub" -> "MyApp.Hubs.ChatHub"}, the
 *       full type name a .NET peer uses); a hub not listed uses its own name.</li>
 *   <li>{@code ackTimeout}: how long adding or removing a connection of another server waits for that server's
 *       acknowledgement. Default 5 s (ASP.NET Core waits 30 s).</li>
 *   <li>{@code clientResultTimeout}: how long a client result from a connection of another server is awaited;
 *       default {@code null}: the hub's own {@code clientResultTimeout}.</li>
 *   <li>{@code commandTimeout}: the limit of every Redis command (publish, subscribe, ping). Default 5 s.</li>
 *   <li>{@code connectTimeout}: the limit of a TCP connect to Redis. Default 5 s.</li>
 *   <li>{@code maxReconnectDelay}: the longest pause between two reconnect attempts after Redis went away
 *       (attempts back off exponentially from a few milliseconds up to it). Default 2 s.</li>
 *   <li>{@code connectionCheckInterval}: how often a server awaiting client results checks that the target
 *       connections still exist somewhere (so a crashed server fails them fast). Default 1 s.</li>
 *   <li>{@code serverName}: this server's unique name on the bus; default {@code {host}_{random 32 hex}}. Each
 *       backplane (one per hub) appends nothing: names must differ between servers, and a given name must
 *       only be used by one backplane per hub.</li>
 * </ul>
 */
public final class RedisBackplaneOptions {

    private final List<String> uris;
    private final RedisMode mode;
    private final String channelPrefix;
    private final Map<String, String> hubChannelNames;
    private final Duration ackTimeout;
    private final Duration clientResultTimeout;
    private final Duration commandTimeout;
    private final Duration connectTimeout;
    private final Duration maxReconnectDelay;
    private final Duration connectionCheckInterval;
    private final String serverName;

    private RedisBackplaneOptions(Builder b) {
        if (b.uris.isEmpty()) {
            throw new IllegalArgumentException("At least one Redis URI is needed");
        }
        this.uris = List.copyOf(b.uris);
        this.mode = Objects.requireNonNull(b.mode, "mode");
        this.channelPrefix = Objects.requireNonNull(b.channelPrefix, "channelPrefix");
        this.hubChannelNames = Collections.unmodifiableMap(new LinkedHashMap<>(b.hubChannelNames));
        this.ackTimeout = positive(b.ackTimeout, "ackTimeout");
        this.clientResultTimeout = b.clientResultTimeout == null ? null
                : positive(b.clientResultTimeout, "clientResultTimeout");
        this.commandTimeout = positive(b.commandTimeout, "commandTimeout");
        this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
        this.maxReconnectDelay = positive(b.maxReconnectDelay, "maxReconnectDelay");
        this.connectionCheckInterval = positive(b.connectionCheckInterval, "connectionCheckInterval");
        this.serverName = b.serverName;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder()
                .uris(uris)
                .mode(mode)
                .channelPrefix(channelPrefix)
                .ackTimeout(ackTimeout)
                .clientResultTimeout(clientResultTimeout)
                .commandTimeout(commandTimeout)
                .connectTimeout(connectTimeout)
                .maxReconnectDelay(maxReconnectDelay)
                .connectionCheckInterval(connectionCheckInterval)
                .serverName(serverName);
        hubChannelNames.forEach(b::hubChannelName);
        return b;
    }

    public List<String> uris() {
        return uris;
    }

    public RedisMode mode() {
        return mode;
    }

    public String channelPrefix() {
        return channelPrefix;
    }

    public Map<String, String> hubChannelNames() {
        return hubChannelNames;
    }

    /** The channel name of hub {@code hubName}: its override, or the hub name itself. */
    public String hubChannelName(String hubName) {
        return hubChannelNames.getOrDefault(hubName, hubName);
    }

    public Duration ackTimeout() {
        return ackTimeout;
    }

    /** The client-result timeout, or {@code null} to use the hub's. */
    public Duration clientResultTimeout() {
        return clientResultTimeout;
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration maxReconnectDelay() {
        return maxReconnectDelay;
    }

    public Duration connectionCheckInterval() {
        return connectionCheckInterval;
    }

    /** The configured server name, or {@code null} for a generated one. */
    public String serverName() {
        return serverName;
    }

    @Override
    public String toString() {
        // URIs may hold passwords: only their count is shown
        return "RedisBackplaneOptions[" + uris.size() + " uri(s), mode=" + mode + ", channelPrefix='" + channelPrefix
                + "', hubChannelNames=" + hubChannelNames + ", ackTimeout=" + ackTimeout + ", clientResultTimeout="
                + clientResultTimeout + ", commandTimeout=" + commandTimeout + ", connectTimeout=" + connectTimeout
                + ", maxReconnectDelay=" + maxReconnectDelay + ", connectionCheckInterval=" + connectionCheckInterval
                + "]";
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /** Collects options; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {

        private final List<String> uris = new ArrayList<>(List.of("redis://localhost:6379"));
        private boolean urisSet;
        private RedisMode mode = RedisMode.STANDALONE;
        private String channelPrefix = "";
        private final Map<String, String> hubChannelNames = new LinkedHashMap<>();
        private Duration ackTimeout = Duration.ofSeconds(5);
        private Duration clientResultTimeout;
        private Duration commandTimeout = Duration.ofSeconds(5);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration maxReconnectDelay = Duration.ofSeconds(2);
        private Duration connectionCheckInterval = Duration.ofSeconds(1);
        private String serverName;

        private Builder() {
        }

        /** One Redis URI (replaces the default; call again to add cluster seeds). */
        public Builder uri(String uri) {
            if (!urisSet) {
                uris.clear();
                urisSet = true;
            }
            uris.add(Objects.requireNonNull(uri, "uri"));
            return this;
        }

        /** Every Redis URI (replaces what was set before). */
        public Builder uris(List<String> values) {
            uris.clear();
            urisSet = true;
            values.forEach(v -> uris.add(Objects.requireNonNull(v, "uri")));
            return this;
        }

        public Builder mode(RedisMode value) {
            this.mode = value;
            return this;
        }

        public Builder channelPrefix(String value) {
            this.channelPrefix = value;
            return this;
        }

        /** The channel name of hub {@code hubName} (e.g. the full .NET type name of the same hub). */
        public Builder hubChannelName(String hubName, String channelName) {
            hubChannelNames.put(Objects.requireNonNull(hubName, "hubName"),
                    Objects.requireNonNull(channelName, "channelName"));
            return this;
        }

        public Builder ackTimeout(Duration value) {
            this.ackTimeout = value;
            return this;
        }

        public Builder clientResultTimeout(Duration value) {
            this.clientResultTimeout = value;
            return this;
        }

        public Builder commandTimeout(Duration value) {
            this.commandTimeout = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder maxReconnectDelay(Duration value) {
            this.maxReconnectDelay = value;
            return this;
        }

        public Builder connectionCheckInterval(Duration value) {
            this.connectionCheckInterval = value;
            return this;
        }

        public Builder serverName(String value) {
            this.serverName = value;
            return this;
        }

        public RedisBackplaneOptions build() {
            return new RedisBackplaneOptions(this);
        }
    }
}
