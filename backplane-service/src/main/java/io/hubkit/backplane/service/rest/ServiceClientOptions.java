package io.hubkit.backplane.service.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Settings of a {@link ServiceClient}. Immutable; change one setting with the {@code with…} methods.
 *
 * @param requestTimeout how long one attempt may take, from sending to the whole response
 * @param maxRetries how many times a failed call is retried, where retrying is safe (see {@link ServiceClient})
 * @param retryDelay the delay before the first retry; it doubles for each further one, up to ten times this
 * @param maxConnections the most HTTP connections open to the service at once
 * @param serverName the {@code nameid} claim of the tokens, identifying this app server
 * @param objectMapper writes the invocation arguments as JSON
 */
public record ServiceClientOptions(
        Duration requestTimeout,
        int maxRetries,
        Duration retryDelay,
        int maxConnections,
        String serverName,
        ObjectMapper objectMapper) {

    public ServiceClientOptions {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(objectMapper, "objectMapper");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be between 0 and 10");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
        }
    }

    /**
     * 30 s per attempt, 2 retries starting after 500 ms, 50 connections, server name
     * {@code <host name>_<random hex>} as the reference SDK names it, a plain {@code ObjectMapper}.
     */
    public static ServiceClientOptions defaults() {
        return new ServiceClientOptions(Duration.ofSeconds(30), 2, Duration.ofMillis(500), 50, defaultServerName(),
                new ObjectMapper());
    }

    public ServiceClientOptions withRequestTimeout(Duration value) {
        return new ServiceClientOptions(value, maxRetries, retryDelay, maxConnections, serverName, objectMapper);
    }

    public ServiceClientOptions withRetries(int count, Duration firstDelay) {
        return new ServiceClientOptions(requestTimeout, count, firstDelay, maxConnections, serverName, objectMapper);
    }

    public ServiceClientOptions withMaxConnections(int value) {
        return new ServiceClientOptions(requestTimeout, maxRetries, retryDelay, value, serverName, objectMapper);
    }

    public ServiceClientOptions withServerName(String value) {
        return new ServiceClientOptions(requestTimeout, maxRetries, retryDelay, maxConnections, value, objectMapper);
    }

    public ServiceClientOptions withObjectMapper(ObjectMapper value) {
        return new ServiceClientOptions(requestTimeout, maxRetries, retryDelay, maxConnections, serverName, value);
    }

    private static String defaultServerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "hubkit";
        }
        return host + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
