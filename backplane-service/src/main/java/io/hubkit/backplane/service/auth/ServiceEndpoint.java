package io.hubkit.backplane.service.auth;

import java.util.Locale;
import java.util.Objects;

/**
 * One hub at one service: the URLs and token audiences an app server needs, derived from a
 * {@link ServiceConnectionString} exactly as the reference SDK derives them. The hub key on the
 * wire is the lower-cased hub name, or {@code lower(application) + "_" + lower(hub)} when an
 * application name is set. Audiences always use {@code scheme://host/} of the endpoint (no port),
 * even when requests go to another port or to the client/server endpoint. Immutable and thread-safe.
 *
 * <pre>{@code
 * ServiceEndpoint chat = new ServiceEndpoint(ServiceConnectionString.parse(text), "Chat", null);
 * chat.serverUrl(UUID.randomUUID().toString(), null); // https://host/server/?hub=chat&cid=…
 * chat.clientUrl("/chat", "", null);                  // https://host/client/?hub=chat&asrs.op=%2Fchat
 * }</pre>
 */
public final class ServiceEndpoint {

    private final ServiceConnectionString connectionString;
    private final String hubKey;
    private final String applicationName;

    /**
     * @param connectionString the service
     * @param hub the hub name as the app knows it (any case)
     * @param applicationName an optional prefix that lets several apps share one service, or {@code null}/empty
     */
    public ServiceEndpoint(ServiceConnectionString connectionString, String hub, String applicationName) {
        this.connectionString = Objects.requireNonNull(connectionString, "connectionString");
        Objects.requireNonNull(hub, "hub");
        this.applicationName = applicationName == null || applicationName.isEmpty() ? null : applicationName;
        this.hubKey = hubKey(hub, this.applicationName);
    }

    /** {@code lower(hub)}, or {@code lower(applicationName) + "_" + lower(hub)} when an application name is given. */
    public static String hubKey(String hub, String applicationName) {
        String lowerHub = hub.toLowerCase(Locale.ROOT);
        return applicationName == null || applicationName.isEmpty() ? lowerHub
                : applicationName.toLowerCase(Locale.ROOT) + "_" + lowerHub;
    }

    public ServiceConnectionString connectionString() {
        return connectionString;
    }

    /** The hub as the service names it (see {@link #hubKey(String, String)}). */
    public String hubKey() {
        return hubKey;
    }

    /** The application name, or {@code null}. */
    public String applicationName() {
        return applicationName;
    }

    /**
     * Where a client is redirected by negotiate: {@code {clientEndpoint}/client/?hub={hubKey}}, then
     * {@code &asrs.op={escaped original path}} when there is one, then the client's own negotiate
     * query, then {@code &asrs_request_id={escaped id}} when an id is given.
     *
     * @param originalPath the hub path the client negotiated at, e.g. {@code /chat} ({@code null}/empty: none)
     * @param originalQuery the client's negotiate query with or without its {@code ?} ({@code null}/empty: none)
     * @param requestId an id for tracing, or {@code null} to leave it out
     */
    public String clientUrl(String originalPath, String originalQuery, String requestId) {
        StringBuilder url = new StringBuilder(connectionString.effectiveClientEndpoint())
                .append("/client/?hub=").append(hubKey);
        if (originalPath != null && !originalPath.isEmpty()) {
            url.append("&asrs.op=").append(ServiceUris.escapeDataString(originalPath));
        }
        if (originalQuery != null) {
            String query = originalQuery.startsWith("?") ? originalQuery.substring(1) : originalQuery;
            if (!query.isEmpty()) {
                url.append('&').append(query);
            }
        }
        if (requestId != null) {
            url.append("&asrs_request_id=").append(ServiceUris.escapeDataString(requestId));
        }
        return url.toString();
    }

    /**
     * The client URL for a negotiate request that arrived at {@code negotiatePath} (e.g.
     * {@code /chat/negotiate}): the path without its trailing {@code /negotiate} becomes {@code asrs.op}.
     */
    public String clientRedirectUrl(String negotiatePath, String originalQuery, String requestId) {
        return clientUrl(originalPathOf(negotiatePath), originalQuery, requestId);
    }

    /** {@code /user/path/negotiate/} → {@code /user/path}; a path not ending in {@code negotiate} is kept as is. */
    public static String originalPathOf(String negotiatePath) {
        if (negotiatePath == null) {
            return null;
        }
        String path = negotiatePath;
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/negotiate")) {
            path = path.substring(0, path.length() - "/negotiate".length());
        }
        return path;
    }

    /** The audience of client tokens: {@code {audienceBase}client/?hub={hubKey}}. */
    public String clientAudience() {
        return connectionString.audienceBaseUrl() + "client/?hub=" + hubKey;
    }

    /**
     * The URL a server connection opens: {@code {serverEndpoint}/server/?hub={hubKey}&cid={connectionId}}
     * and {@code &target={escaped target}} for an on-demand connection to a given service instance.
     * The scheme stays {@code http(s)}; the WebSocket client switches it to {@code ws(s)}.
     */
    public String serverUrl(String connectionId, String target) {
        StringBuilder url = new StringBuilder(connectionString.effectiveServerEndpoint())
                .append("/server/?hub=").append(hubKey);
        if (connectionId != null) {
            url.append("&cid=").append(ServiceUris.escapeDataString(connectionId));
        }
        if (target != null && !target.isEmpty()) {
            url.append("&target=").append(ServiceUris.escapeDataString(target));
        }
        return url.toString();
    }

    /** The audience of server-connection tokens: {@code {audienceBase}server/?hub={hubKey}}. */
    public String serverAudience() {
        return connectionString.audienceBaseUrl() + "server/?hub=" + hubKey;
    }

    @Override
    public String toString() {
        return "ServiceEndpoint[hub=" + hubKey + ", " + connectionString + "]";
    }
}
