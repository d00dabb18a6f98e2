package io.hubkit.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Describes one connection before it starts: headers, query parameters (the hub sees them in its
 * caller context's connection info) and a bearer token. {@link #start()} negotiates, opens the
 * WebSocket and completes the handshake. Not thread-safe; use once.
 */
public final class ConnectionSpec {

    private final HubTestClient client;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final StringBuilder query = new StringBuilder();
    private String accessToken;

    ConnectionSpec(HubTestClient client, String path) {
        this.client = client;
        this.path = path;
        this.headers.putAll(client.defaultHeaders());
    }

    /** A header sent with negotiate and the WebSocket upgrade. */
    public ConnectionSpec header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A query parameter of the hub URL (sent with negotiate and the WebSocket upgrade). */
    public ConnectionSpec queryParam(String name, String value) {
        query.append(query.length() == 0 ? '?' : '&')
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return this;
    }

    /** A bearer token, sent as {@code Authorization: Bearer <token>}. */
    public ConnectionSpec accessToken(String token) {
        this.accessToken = token;
        return this;
    }

    /**
     * Connects: negotiate, WebSocket, handshake with the JSON protocol.
     *
     * @throws AssertionError when the server refuses (negotiate error, no WebSockets, failed handshake)
     */
    public HubTestConnection start() {
        Negotiation.Target target = Negotiation.negotiate(client.baseUrl() + path + query, headers, accessToken,
                client.timeout());
        return HubTestConnection.open(client, target, headers);
    }
}
