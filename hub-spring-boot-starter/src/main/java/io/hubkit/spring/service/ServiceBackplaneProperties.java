package io.hubkit.spring.service;

import io.hubkit.backplane.service.ServiceBackplaneOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hubkit.backplane.service.*}: which hub service the application hands its clients to, and
 * how (see {@link ServiceBackplaneOptions} for the meaning of each setting). Bound once at startup.
 */
@ConfigurationProperties("hubkit.backplane.service")
public class ServiceBackplaneProperties {

    /** The service's connection string, as it prints it: Endpoint=…;AccessKey=…;Version=1.0; */
    private String connectionString;

    /** Prefixes every hub name on the service (app_hub), so that several applications can share one service. */
    private String applicationName;

    /** Server connections kept open per hub. */
    private int connectionCount = 5;

    /** The cap on server connections per hub, including those the service asks for; default: connection-count + 5. */
    private Integer maxConnectionCount;

    /** How long adding or removing a connection to or from a group waits for the service. */
    private Duration ackTimeout = Duration.ofSeconds(10);

    /** How long a client result from a client routed to another server is awaited; default: hubkit.client-result-timeout. */
    private Duration clientResultTimeout;

    /** How long a stopping server waits for the service to acknowledge that it routes no more clients here. */
    private Duration shutdownTimeout = Duration.ofSeconds(5);

    /** This server's id towards the service, unique per server; default: the host name and a random suffix. */
    private String serverId;

    /** The backplane options these properties describe. */
    public ServiceBackplaneOptions toOptions() {
        return toOptionsBuilder().build();
    }

    /** The backplane options these properties describe, for more settings to be added. */
    public ServiceBackplaneOptions.Builder toOptionsBuilder() {
        return ServiceBackplaneOptions.builder()
                .connectionString(connectionString)
                .applicationName(applicationName)
                .connectionCount(connectionCount)
                .maxConnectionCount(maxConnectionCount)
                .ackTimeout(ackTimeout)
                .clientResultTimeout(clientResultTimeout)
                .shutdownTimeout(shutdownTimeout)
                .serverId(serverId);
    }

    public String getConnectionString() {
        return connectionString;
    }

    public void setConnectionString(String connectionString) {
        this.connectionString = connectionString;
    }

    public String getApplicationName() {
        return applicationName;
    }

    public void setApplicationName(String applicationName) {
        this.applicationName = applicationName;
    }

    public int getConnectionCount() {
        return connectionCount;
    }

    public void setConnectionCount(int connectionCount) {
        this.connectionCount = connectionCount;
    }

    public Integer getMaxConnectionCount() {
        return maxConnectionCount;
    }

    public void setMaxConnectionCount(Integer maxConnectionCount) {
        this.maxConnectionCount = maxConnectionCount;
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

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public String getServerId() {
        return serverId;
    }

    public void setServerId(String serverId) {
        this.serverId = serverId;
    }
}
