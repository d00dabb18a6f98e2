package io.hubkit.spring.autoconfigure;

import io.hubkit.spring.TransportType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * HubKit's settings under {@code hubkit.*}. The hub-level ones map one to one onto the runtime's
 * {@code HubOptions} (see {@link HubOptionsFactory}); {@code disconnect-timeout}, {@code transports},
 * {@code long-polling}, {@code stateful-reconnect}, {@code cors}, {@code endpoints} and
 * {@code access-token-query-parameter} belong to the web endpoints (see
 * {@link EndpointSettingsFactory}), and {@code backplane} selects how messages reach connections on
 * other servers.
 *
 * <p>A mutable bean bound once at startup; read-only afterwards.
 */
@ConfigurationProperties("hubkit")
public class HubKitProperties {

    /**
     * Whether clients see the exception type and message of server errors. Keep off in production:
     * with it off only HubException texts reach clients.
     */
    private boolean detailedErrors = false;

    /** How long the server stays silent before it sends a ping to keep the connection alive. */
    private Duration keepAliveInterval = Duration.ofSeconds(15);

    /**
     * How long the server waits for any message from a client before it closes the connection.
     * Counted from the client's first ping.
     */
    private Duration clientTimeoutInterval = Duration.ofSeconds(30);

    /** How long a client has to complete the hub handshake after the transport is open. */
    private Duration handshakeTimeout = Duration.ofSeconds(15);

    /** Largest hub message a client may send; a larger one closes the connection with an error. */
    private DataSize maximumReceiveMessageSize = DataSize.ofBytes(32768);

    /** How many items of one client-to-server stream are buffered before reading from that client pauses. */
    private int streamBufferCapacity = 10;

    /** How many hub method invocations of one client may run at the same time (streams excluded). */
    private int maximumParallelInvocationsPerClient = 1;

    /** How long the server waits for a client result before the invocation fails. */
    private Duration clientResultTimeout = Duration.ofSeconds(30);

    /**
     * How many messages may wait in one connection's outbound queue; a connection that falls
     * further behind is closed with an error (slow-consumer policy).
     */
    private int outboundQueueCapacity = 10_000;

    /**
     * How long a connection no request carries is kept before it expires: one negotiated but never
     * used, a long-polling one between polls, one waiting for a stateful reconnect.
     */
    private Duration disconnectTimeout = Duration.ofSeconds(15);

    /** The transports the server offers; each endpoint may narrow them further. */
    private Set<TransportType> transports = EnumSet.allOf(TransportType.class);

    /**
     * Whether the access_token query parameter of requests on hub paths is turned into an
     * "Authorization: Bearer" header (when the request has none), for bearer-token authentication.
     */
    private boolean accessTokenQueryParameter = true;

    /** Long-polling settings. */
    private final LongPolling longPolling = new LongPolling();

    /** Stateful reconnect (WebSockets clients that opt in resume a dropped connection). */
    private final StatefulReconnect statefulReconnect = new StatefulReconnect();

    /** Cross-origin settings of the endpoints; none by default. */
    private final Cors cors = new Cors();

    /** Settings of single endpoints (hubs and raw connection endpoints), by endpoint name. */
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    /** How hub messages reach connections held by other servers. */
    private final Backplane backplane = new Backplane();

    public boolean isDetailedErrors() {
        return detailedErrors;
    }

    public void setDetailedErrors(boolean detailedErrors) {
        this.detailedErrors = detailedErrors;
    }

    public Duration getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(Duration keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public Duration getClientTimeoutInterval() {
        return clientTimeoutInterval;
    }

    public void setClientTimeoutInterval(Duration clientTimeoutInterval) {
        this.clientTimeoutInterval = clientTimeoutInterval;
    }

    public Duration getHandshakeTimeout() {
        return handshakeTimeout;
    }

    public void setHandshakeTimeout(Duration handshakeTimeout) {
        this.handshakeTimeout = handshakeTimeout;
    }

    public DataSize getMaximumReceiveMessageSize() {
        return maximumReceiveMessageSize;
    }

    public void setMaximumReceiveMessageSize(DataSize maximumReceiveMessageSize) {
        this.maximumReceiveMessageSize = maximumReceiveMessageSize;
    }

    public int getStreamBufferCapacity() {
        return streamBufferCapacity;
    }

    public void setStreamBufferCapacity(int streamBufferCapacity) {
        this.streamBufferCapacity = streamBufferCapacity;
    }

    public int getMaximumParallelInvocationsPerClient() {
        return maximumParallelInvocationsPerClient;
    }

    public void setMaximumParallelInvocationsPerClient(int maximumParallelInvocationsPerClient) {
        this.maximumParallelInvocationsPerClient = maximumParallelInvocationsPerClient;
    }

    public Duration getClientResultTimeout() {
        return clientResultTimeout;
    }

    public void setClientResultTimeout(Duration clientResultTimeout) {
        this.clientResultTimeout = clientResultTimeout;
    }

    public int getOutboundQueueCapacity() {
        return outboundQueueCapacity;
    }

    public void setOutboundQueueCapacity(int outboundQueueCapacity) {
        this.outboundQueueCapacity = outboundQueueCapacity;
    }

    public Duration getDisconnectTimeout() {
        return disconnectTimeout;
    }

    public void setDisconnectTimeout(Duration disconnectTimeout) {
        this.disconnectTimeout = disconnectTimeout;
    }

    public Set<TransportType> getTransports() {
        return transports;
    }

    public void setTransports(Set<TransportType> transports) {
        this.transports = transports;
    }

    public boolean isAccessTokenQueryParameter() {
        return accessTokenQueryParameter;
    }

    public void setAccessTokenQueryParameter(boolean accessTokenQueryParameter) {
        this.accessTokenQueryParameter = accessTokenQueryParameter;
    }

    public LongPolling getLongPolling() {
        return longPolling;
    }

    public StatefulReconnect getStatefulReconnect() {
        return statefulReconnect;
    }

    public Cors getCors() {
        return cors;
    }

    public Map<String, Endpoint> getEndpoints() {
        return endpoints;
    }

    public Backplane getBackplane() {
        return backplane;
    }

    /** {@code hubkit.long-polling.*}. */
    public static class LongPolling {

        /** How long a poll waits for data before it is answered empty (keep it below the clients' 100 s). */
        private Duration pollTimeout = Duration.ofSeconds(90);

        public Duration getPollTimeout() {
            return pollTimeout;
        }

        public void setPollTimeout(Duration pollTimeout) {
            this.pollTimeout = pollTimeout;
        }
    }

    /** {@code hubkit.stateful-reconnect.*}. */
    public static class StatefulReconnect {

        /**
         * Whether endpoints grant stateful reconnect to clients that ask for it in negotiate
         * (per endpoint: hubkit.endpoints.NAME.stateful-reconnect).
         */
        private boolean enabled = false;

        /**
         * How many bytes of sent messages a client has not acknowledged yet are kept for a resend
         * after a reconnect; at the limit, sending to that client waits for its acknowledgements.
         */
        private DataSize bufferSize = DataSize.ofBytes(100_000);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public DataSize getBufferSize() {
            return bufferSize;
        }

        public void setBufferSize(DataSize bufferSize) {
            this.bufferSize = bufferSize;
        }
    }

    /**
     * {@code hubkit.endpoints.<name>.*}: one endpoint's own settings, replacing the server-wide ones
     * where set.
     */
    public static class Endpoint {

        /** The transports this endpoint offers (within hubkit.transports); replaces the annotation's list. */
        private Set<TransportType> transports;

        /** Whether this endpoint grants stateful reconnect; unset means hubkit.stateful-reconnect.enabled. */
        private Boolean statefulReconnect;

        public Set<TransportType> getTransports() {
            return transports;
        }

        public void setTransports(Set<TransportType> transports) {
            this.transports = transports;
        }

        public Boolean getStatefulReconnect() {
            return statefulReconnect;
        }

        public void setStatefulReconnect(Boolean statefulReconnect) {
            this.statefulReconnect = statefulReconnect;
        }
    }

    /**
     * One CORS policy. Nothing is allowed until origins (or origin patterns) are given; the official
     * clients send credentials, so allow-credentials defaults to true and origins must then be
     * listed or given as patterns (not "*").
     */
    public static class CorsPolicy {

        /** Origins allowed to call the endpoints, e.g. https://app.example.com. */
        private List<String> allowedOrigins = new ArrayList<>();

        /** Origin patterns allowed to call the endpoints, e.g. https://*.example.com or *. */
        private List<String> allowedOriginPatterns = new ArrayList<>();

        /** Request headers allowed in cross-origin requests ("*" for any). */
        private List<String> allowedHeaders = new ArrayList<>(List.of("*"));

        /** Response headers exposed to cross-origin scripts. */
        private List<String> exposedHeaders = new ArrayList<>();

        /** Whether cross-origin requests may carry cookies and authorization headers. */
        private boolean allowCredentials = true;

        /** How long browsers may cache a preflight answer. */
        private Duration maxAge = Duration.ofMinutes(30);

        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        public List<String> getAllowedOriginPatterns() {
            return allowedOriginPatterns;
        }

        public void setAllowedOriginPatterns(List<String> allowedOriginPatterns) {
            this.allowedOriginPatterns = allowedOriginPatterns;
        }

        public List<String> getAllowedHeaders() {
            return allowedHeaders;
        }

        public void setAllowedHeaders(List<String> allowedHeaders) {
            this.allowedHeaders = allowedHeaders;
        }

        public List<String> getExposedHeaders() {
            return exposedHeaders;
        }

        public void setExposedHeaders(List<String> exposedHeaders) {
            this.exposedHeaders = exposedHeaders;
        }

        public boolean isAllowCredentials() {
            return allowCredentials;
        }

        public void setAllowCredentials(boolean allowCredentials) {
            this.allowCredentials = allowCredentials;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }
    }

    /**
     * {@code hubkit.cors.*}: the policy of every endpoint, and {@code hubkit.cors.endpoints.<name>.*}
     * policies that replace it for single endpoints.
     */
    public static class Cors extends CorsPolicy {

        /** Policies of single endpoints, by endpoint name; each replaces the server-wide policy. */
        private final Map<String, CorsPolicy> endpoints = new LinkedHashMap<>();

        public Map<String, CorsPolicy> getEndpoints() {
            return endpoints;
        }
    }

    /**
     * {@code hubkit.backplane.*}: which backplane carries the hubs' messages. Each kind gets its own
     * nested settings object here when it arrives (e.g. {@code hubkit.backplane.redis.*}).
     */
    public static class Backplane {

        /** Which backplane routes messages between the hubs' connections. */
        private BackplaneType type = BackplaneType.LOCAL;

        public BackplaneType getType() {
            return type;
        }

        public void setType(BackplaneType type) {
            this.type = type;
        }
    }

    /** The kinds of backplane; {@code hubkit.backplane.type} takes the lower-case names. */
    public enum BackplaneType {
        /** In-process only: every connection of a hub lives on this server. */
        LOCAL,
        /** Redis pub/sub between app servers ({@code hubkit.backplane.redis.*}; needs backplane-redis). */
        REDIS,
        /** A hub service holds the clients ({@code hubkit.backplane.service.*}; needs backplane-service). */
        SERVICE
    }
}
