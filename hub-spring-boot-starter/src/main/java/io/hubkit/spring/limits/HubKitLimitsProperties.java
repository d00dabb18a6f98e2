package io.hubkit.spring.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The limits under {@code hubkit.limits.*}; 0 turns a limit off. Bound once at startup. */
@ConfigurationProperties(prefix = "hubkit.limits")
public class HubKitLimitsProperties {

    /**
     * Hub invocations a connection may make per second on average (token bucket refill rate); 0 (the
     * default, as ASP.NET Core) for no limit.
     */
    private double invocationsPerSecond = 0;

    /** How many invocations a connection may make in a burst (token bucket capacity). */
    private int invocationBurst = 200;

    /** Streams (server-to-client and client-to-server) one connection may run at the same time; 0 for no limit. */
    private int maxStreamsPerConnection = 100;

    /** Groups one connection may add itself to through the hub code's {@code GroupManager}; 0 for no limit. */
    private int maxGroupsPerConnection = 100;

    /** Connections one server accepts across all hubs; 0 for no limit. */
    private int maxConnections = 0;

    /** Connections one user (by user id) may have on one server across all hubs; 0 for no limit. */
    private int maxConnectionsPerUser = 0;

    public double getInvocationsPerSecond() {
        return invocationsPerSecond;
    }

    public void setInvocationsPerSecond(double invocationsPerSecond) {
        this.invocationsPerSecond = invocationsPerSecond;
    }

    public int getInvocationBurst() {
        return invocationBurst;
    }

    public void setInvocationBurst(int invocationBurst) {
        this.invocationBurst = invocationBurst;
    }

    public int getMaxStreamsPerConnection() {
        return maxStreamsPerConnection;
    }

    public void setMaxStreamsPerConnection(int maxStreamsPerConnection) {
        this.maxStreamsPerConnection = maxStreamsPerConnection;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxConnectionsPerUser() {
        return maxConnectionsPerUser;
    }

    public void setMaxConnectionsPerUser(int maxConnectionsPerUser) {
        this.maxConnectionsPerUser = maxConnectionsPerUser;
    }

    public int getMaxGroupsPerConnection() {
        return maxGroupsPerConnection;
    }

    public void setMaxGroupsPerConnection(int maxGroupsPerConnection) {
        this.maxGroupsPerConnection = maxGroupsPerConnection;
    }
}
