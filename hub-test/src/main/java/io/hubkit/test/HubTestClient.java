package io.hubkit.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hubkit.core.protocol.JsonHubProtocol;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A hub client for tests, in the style of Spring's {@code WebTestClient}: bind it to a running
 * server, {@linkplain #connect connect} to a hub, then invoke, stream and check what the hub sends.
 * It speaks the JSON hub protocol over WebSockets, negotiating first as the official clients do.
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = RANDOM_PORT)
 * class ChatHubTest {
 *     @LocalServerPort int port;
 *
 *     @Test
 *     void echoes() {
 *         HubTestClient hubs = HubTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
 *         try (HubTestConnection chat = hubs.connect("/hubs/chat").start()) {
 *             chat.invoke("echo", "hi").expectResult(String.class).isEqualTo("hi");
 *         }
 *     }
 * }
 * }</pre>
 *
 * Immutable and thread-safe; connections are independent of each other.
 */
public final class HubTestClient {

    /** How long an expectation waits by default: only a guard against hanging builds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final Duration timeout;
    private final Map<String, String> defaultHeaders;
    private final ObjectMapper payloadMapper;

    private HubTestClient(Builder builder) {
        this.baseUrl = stripTrailingSlash(Objects.requireNonNull(builder.baseUrl, "baseUrl"));
        this.timeout = builder.timeout;
        this.defaultHeaders = Map.copyOf(builder.defaultHeaders);
        this.payloadMapper = builder.payloadMapper != null ? builder.payloadMapper
                : JsonHubProtocol.defaultPayloadMapper();
    }

    /** Starts describing a client of a running server. */
    public static Builder bindToServer() {
        return new Builder();
    }

    /** Starts describing a connection to the hub at {@code path} (e.g. {@code /hubs/chat}). */
    public ConnectionSpec connect(String path) {
        Objects.requireNonNull(path, "path");
        return new ConnectionSpec(this, path.startsWith("/") ? path : "/" + path);
    }

    String baseUrl() {
        return baseUrl;
    }

    Duration timeout() {
        return timeout;
    }

    Map<String, String> defaultHeaders() {
        return defaultHeaders;
    }

    ObjectMapper payloadMapper() {
        return payloadMapper;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Describes a {@link HubTestClient}. Not thread-safe. */
    public static final class Builder {

        private String baseUrl;
        private Duration timeout = DEFAULT_TIMEOUT;
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private ObjectMapper payloadMapper;

        private Builder() {
        }

        /** The server's base URL, e.g. {@code http://localhost:8080} (required). */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** How long each expectation (and connecting) may wait; default {@link #DEFAULT_TIMEOUT}. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** A header every request of every connection carries (negotiate and the WebSocket upgrade). */
        public Builder defaultHeader(String name, String value) {
            defaultHeaders.put(name, value);
            return this;
        }

        /**
         * The Jackson mapper arguments are written with and received values bound with; default the
         * JSON hub protocol's ({@link JsonHubProtocol#defaultPayloadMapper()}). Use the one the
         * server's protocol uses if the application configured its own.
         */
        public Builder payloadMapper(ObjectMapper payloadMapper) {
            this.payloadMapper = payloadMapper;
            return this;
        }

        public HubTestClient build() {
            return new HubTestClient(this);
        }
    }
}
