package io.hubkit.backplane.redis;

import java.util.Objects;

/**
 * The channel names of one hub, exactly as ASP.NET Core SignalR's Redis backplane names them:
 * {@code {prefix}{hub}:all}, {@code :internal:groups}, {@code :internal:ack:{server}},
 * {@code :internal:return:{server}}, {@code :connection:{id}}, {@code :group:{name}} and
 * {@code :user:{id}}. The prefix is prepended with no separator (as StackExchange.Redis's
 * {@code ChannelPrefix} does); {@code hub} is the hub's channel name (for a .NET peer, the hub's
 * full type name). Names, ids and groups are used as they are: no escaping, no case folding.
 * Immutable and thread-safe.
 */
public final class RedisChannels {

    /** What a received channel is for. */
    public enum Kind { ALL, GROUP_MANAGEMENT, ACK, RETURN, CONNECTION, GROUP, USER }

    /** A received channel, classified: its kind and the name, id or server it is about. */
    public record Parsed(Kind kind, String argument) {
    }

    private final String prefix;
    private final String hub;
    private final String base;
    private final String serverName;

    /**
     * @param prefix     the channel prefix shared by every hub of the application (may be empty)
     * @param hub        the hub's channel name
     * @param serverName this server's unique name (its ack and return channels)
     */
    public RedisChannels(String prefix, String hub, String serverName) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.serverName = Objects.requireNonNull(serverName, "serverName");
        this.base = prefix + hub + ":";
    }

    public String all() {
        return base + "all";
    }

    public String groupManagement() {
        return base + "internal:groups";
    }

    /** The ack channel of {@code server}. */
    public String ack(String server) {
        return base + "internal:ack:" + server;
    }

    /** This server's ack channel. */
    public String ack() {
        return ack(serverName);
    }

    /** This server's return channel (client results), with the prefix: what it subscribes to. */
    public String returnResults() {
        return base + "internal:return:" + serverName;
    }

    /**
     * This server's return channel without the prefix: what an invocation carries, because the
     * owner adds its own prefix when it publishes the answer (as .NET does).
     */
    public String returnResultsUnprefixed() {
        return hub + ":internal:return:" + serverName;
    }

    /** The channel to publish a client result to, given the return channel an invocation carried. */
    public String prefixed(String unprefixedChannel) {
        return prefix + unprefixedChannel;
    }

    public String connection(String connectionId) {
        return base + "connection:" + connectionId;
    }

    public String group(String groupName) {
        return base + "group:" + groupName;
    }

    public String user(String userId) {
        return base + "user:" + userId;
    }

    public String serverName() {
        return serverName;
    }

    /** Classifies a channel of this hub; {@code null} for a channel that is not one of this hub's. */
    public Parsed parse(String channel) {
        if (!channel.startsWith(base)) {
            return null;
        }
        String rest = channel.substring(base.length());
        if (rest.equals("all")) {
            return new Parsed(Kind.ALL, null);
        }
        if (rest.equals("internal:groups")) {
            return new Parsed(Kind.GROUP_MANAGEMENT, null);
        }
        if (rest.startsWith("internal:ack:")) {
            return new Parsed(Kind.ACK, rest.substring("internal:ack:".length()));
        }
        if (rest.startsWith("internal:return:")) {
            return new Parsed(Kind.RETURN, rest.substring("internal:return:".length()));
        }
        if (rest.startsWith("connection:")) {
            return new Parsed(Kind.CONNECTION, rest.substring("connection:".length()));
        }
        if (rest.startsWith("group:")) {
            return new Parsed(Kind.GROUP, rest.substring("group:".length()));
        }
        if (rest.startsWith("user:")) {
            return new Parsed(Kind.USER, rest.substring("user:".length()));
        }
        return null;
    }

    @Override
    public String toString() {
        return "RedisChannels[" + base + "*, server " + serverName + "]";
    }
}
