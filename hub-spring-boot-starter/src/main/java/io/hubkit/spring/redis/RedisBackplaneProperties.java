package io.hubkit.spring.redis;

import io.hubkit.backplane.redis.RedisBackplaneOptions;
import io.hubkit.backplane.redis.RedisMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hubkit.backplane.redis.*}: where the Redis backplane connects and how it behaves (see
 * {@link RedisBackplaneOptions} for the meaning of each setting). Bound once at startup.
 */
@ConfigurationProperties("hubkit.backplane.redis")
public class RedisBackplaneProperties {

    /**
     * The Redis server, as redis://[[user]:password@]host:port[/database] (rediss:// for TLS). In a
     * cluster mode, a seed node unless 'nodes' lists them.
     */
    private String uri = "redis://localhost:6379";

    /** The seed nodes of a Redis Cluster, as URIs; when empty, 'uri' is the only seed. */
    private List<String> nodes = new ArrayList<>();

    /**
     * One Redis server (standalone), a Redis Cluster with classic pub/sub (cluster, compatible with
     * ASP.NET Core), or a Redis Cluster with sharded pub/sub (cluster-sharded, Redis 7 or later).
     */
    private RedisMode mode = RedisMode.STANDALONE;

    /** Prepended to every channel name, without a separator; give each application sharing one Redis its own. */
    private String channelPrefix = "";

    /**
     * Channel names of hubs, by hub name (a hub not listed uses its name), e.g. the full type name
     * of the same hub on an ASP.NET Core server sharing the Redis.
     */
    private Map<String, String> hubChannelNames = new LinkedHashMap<>();

    /** How long adding or removing a connection of another server waits for that server's acknowledgement. */
    private Duration ackTimeout = Duration.ofSeconds(5);

    /** How long a client result from a connection of another server is awaited; default: hubkit.client-result-timeout. */
    private Duration clientResultTimeout;

    /** The time limit of every Redis command (publish, subscribe, ping). */
    private Duration commandTimeout = Duration.ofSeconds(5);

    /** The time limit of connecting to Redis. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /** The longest pause between two attempts to reconnect to Redis after it went away. */
    private Duration maxReconnectDelay = Duration.ofSeconds(2);

    /** How often a server awaiting client results checks that their connections still exist on some server. */
    private Duration connectionCheckInterval = Duration.ofSeconds(1);

    /** This server's name on the bus, unique among the servers; default: the host name and a random suffix. */
    private String serverName;

    /** The backplane options these properties describe. */
    public RedisBackplaneOptions toOptions() {
        RedisBackplaneOptions.Builder builder = RedisBackplaneOptions.builder()
                .uris(nodes.isEmpty() ? List.of(uri) : nodes)
                .mode(mode)
                .channelPrefix(channelPrefix)
                .ackTimeout(ackTimeout)
                .clientResultTimeout(clientResultTimeout)
                .commandTimeout(commandTimeout)
                .connectTimeout(connectTimeout)
                .maxReconnectDelay(maxReconnectDelay)
                .connectionCheckInterval(connectionCheckInterval)
                .serverName(serverName);
        hubChannelNames.forEach(builder::hubChannelName);
        return builder.build();
    }

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public List<String> getNodes() {
        return nodes;
    }

    public void setNodes(List<String> nodes) {
        this.nodes = nodes;
    }

    public RedisMode getMode() {
        return mode;
    }

    public void setMode(RedisMode mode) {
        this.mode = mode;
    }

    public String getChannelPrefix() {
        return channelPrefix;
    }

    public void setChannelPrefix(String channelPrefix) {
        this.channelPrefix = channelPrefix;
    }

    public Map<String, String> getHubChannelNames() {
        return hubChannelNames;
    }

    public void setHubChannelNames(Map<String, String> hubChannelNames) {
        this.hubChannelNames = hubChannelNames;
    }

    public Duration getAckTimeout() {
        return ackTimeout;
    }

    public void setAckTimeout(Duration ackTimeout) {
        this.ackTimeout = ackTimeout;
    }

    public Duration getClientResultTimeout() {
        return clientResultTimeout;
    }

    public void setClientResultTimeout(Duration clientResultTimeout) {
        this.clientResultTimeout = clientResultTimeout;
    }

    public Duration getCommandTimeout() {
        return commandTimeout;
    }

    public void setCommandTimeout(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(Duration maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public Duration getConnectionCheckInterval() {
        return connectionCheckInterval;
    }

    public void setConnectionCheckInterval(Duration connectionCheckInterval) {
        this.connectionCheckInterval = connectionCheckInterval;
    }

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }
}
