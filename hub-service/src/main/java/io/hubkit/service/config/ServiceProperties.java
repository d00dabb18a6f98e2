package io.hubkit.service.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hub service's settings, prefix {@code hubkit.service}.
 *
 * <ul>
 *   <li>{@code access-keys}: the keys tokens are signed with (HS256, key = the UTF-8 bytes of the
 *       key as written); a token signed with any of them is accepted. None configured: the
 *       built-in development key of Azure's emulator is used and a warning is logged.</li>
 *   <li>{@code public-endpoint}: the URL clients and app servers reach the service at, as printed
 *       in the connection string; default {@code http://localhost:<port>}. Its scheme and host are
 *       also accepted as token audience base besides the request's own.</li>
 *   <li>{@code mode}: {@code default} (clients need an app server of their hub) or
 *       {@code serverless}.</li>
 *   <li>limits and timers: see each property.</li>
 * </ul>
 * Mutable bean bound by Spring at startup; read-only afterwards.
 */
@ConfigurationProperties(prefix = "hubkit.service")
public class ServiceProperties {

    private List<String> accessKeys = new ArrayList<>();
    private String publicEndpoint;
    private ServiceMode mode = ServiceMode.DEFAULT;
    /** Largest service-protocol message accepted from an app server (the reassembled partial data included). */
    private int maxServerMessageSize = 16 * 1024 * 1024;
    /** Largest client handshake request accepted. */
    private int maxHandshakeSize = 32 * 1024;
    /** How long a client may take to send its handshake after connecting. */
    private Duration clientHandshakeTimeout = Duration.ofSeconds(15);
    /** How long an app server may take to send its handshake request after connecting. */
    private Duration serverHandshakeTimeout = Duration.ofSeconds(15);
    /** How often the service pings each app server connection (the SDK drops a connection after 30 s of silence). */
    private Duration serverKeepAliveInterval = Duration.ofSeconds(5);
    /** How long an app server connection may stay silent before the service drops it. */
    private Duration serverTimeout = Duration.ofSeconds(30);
    /** Messages queued to one app server connection before it is dropped as too slow. */
    private int maxServerQueue = 16 * 1024;

    public List<String> getAccessKeys() {
        return accessKeys;
    }

    public void setAccessKeys(List<String> accessKeys) {
        this.accessKeys = accessKeys == null ? new ArrayList<>() : accessKeys;
    }

    public String getPublicEndpoint() {
        return publicEndpoint;
    }

    public void setPublicEndpoint(String publicEndpoint) {
        this.publicEndpoint = publicEndpoint;
    }

    public ServiceMode getMode() {
        return mode;
    }

    public void setMode(ServiceMode mode) {
        this.mode = mode;
    }

    public int getMaxServerMessageSize() {
        return maxServerMessageSize;
    }

    public void setMaxServerMessageSize(int maxServerMessageSize) {
        this.maxServerMessageSize = maxServerMessageSize;
    }

    public int getMaxHandshakeSize() {
        return maxHandshakeSize;
    }

    public void setMaxHandshakeSize(int maxHandshakeSize) {
        this.maxHandshakeSize = maxHandshakeSize;
    }

    public Duration getClientHandshakeTimeout() {
        return clientHandshakeTimeout;
    }

    public void setClientHandshakeTimeout(Duration clientHandshakeTimeout) {
        this.clientHandshakeTimeout = clientHandshakeTimeout;
    }

    public Duration getServerHandshakeTimeout() {
        return serverHandshakeTimeout;
    }

    public void setServerHandshakeTimeout(Duration serverHandshakeTimeout) {
        this.serverHandshakeTimeout = serverHandshakeTimeout;
    }

    public Duration getServerKeepAliveInterval() {
        return serverKeepAliveInterval;
    }

    public void setServerKeepAliveInterval(Duration serverKeepAliveInterval) {
        this.serverKeepAliveInterval = serverKeepAliveInterval;
    }

    public Duration getServerTimeout() {
        return serverTimeout;
    }

    public void setServerTimeout(Duration serverTimeout) {
        this.serverTimeout = serverTimeout;
    }

    public int getMaxServerQueue() {
        return maxServerQueue;
    }

    public void setMaxServerQueue(int maxServerQueue) {
        this.maxServerQueue = maxServerQueue;
    }
}
