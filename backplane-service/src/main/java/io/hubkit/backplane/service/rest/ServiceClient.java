package io.hubkit.backplane.service.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hubkit.backplane.service.auth.AccessTokenIssuer;
import io.hubkit.backplane.service.auth.ServiceConnectionString;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * A client of the service's REST data-plane API (version {@code 2022-06-01}) for one hub: send to
 * everyone, a user, a group or a connection, manage group membership, ask whether connections,
 * users and groups exist, and close connections. Works against HubKit's hub-service and Azure
 * SignalR Service alike.
 *
 * <pre>{@code
 * ServiceClient chat = new ServiceClient(ServiceConnectionString.parse(text), "chat");
 * chat.sendToGroup("lobby", "receiveMessage", "system", "welcome").block();
 * boolean online = chat.userExists("alice").block();
 * chat.close();
 * }</pre>
 *
 * <p>Each call signs a fresh HS256 token with the access key (audience = the request URL with its
 * {@code api-version}, without the port; {@code nameid} = the options' server name) and returns a
 * cold {@code Mono}: nothing is sent until it is subscribed, and each subscription sends again.
 * Message bodies are {@code {"target": …, "arguments": [ … ]}} written with the options'
 * {@code ObjectMapper}. Errors: {@link ServiceBadRequestException} (400),
 * {@link ServiceUnauthorizedException} (401/403), {@link ServiceNotFoundException} (404),
 * {@link ServiceServerErrorException} (5xx), another {@link ServiceRestException} for other
 * statuses, {@link java.util.concurrent.TimeoutException} when an attempt outlives the request
 * timeout. Retries follow the reference: sends only after a status above 500 (the message was
 * certainly not delivered), other calls, which are idempotent, also after 500, 408, a timeout or a
 * broken connection. No ordering holds between calls that run at the same time. Thread-safe; close
 * it to release its connections. Only access-key connection strings are supported.
 */
public final class ServiceClient implements AutoCloseable {

    private static final Pattern HUB_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}$");
    private static final Set<Integer> NOT_FOUND_IS_ANSWER = Set.of(404);

    private final ServiceClientOptions options;
    private final RestTransport transport;

    /** A client for {@code hub} with {@link ServiceClientOptions#defaults()} and no application name. */
    public ServiceClient(ServiceConnectionString connectionString, String hub) {
        this(connectionString, hub, null, ServiceClientOptions.defaults());
    }

    /**
     * @param connectionString the service; must carry an {@code AccessKey}
     * @param hub the hub name ({@code ^[A-Za-z][A-Za-z0-9_`,.[\]]{0,127}$}; sent lower-cased)
     * @param applicationName the application prefix, or {@code null}
     * @param options timeouts, retries and serialisation
     */
    public ServiceClient(ServiceConnectionString connectionString, String hub, String applicationName,
            ServiceClientOptions options) {
        Objects.requireNonNull(connectionString, "connectionString");
        if (hub == null || !HUB_NAME.matcher(hub).matches()) {
            throw new IllegalArgumentException("Invalid hub name '" + hub + "': it must match " + HUB_NAME.pattern());
        }
        if (connectionString.accessKey() == null) {
            throw new IllegalArgumentException("The REST client needs an AccessKey connection string; Microsoft Entra "
                    + "authentication (" + connectionString.credentialKind() + ") is not supported");
        }
        this.options = Objects.requireNonNull(options, "options");
        this.transport = new RestTransport(new RestApiUrls(connectionString, hub, applicationName),
                new AccessTokenIssuer(connectionString.accessKey()), options);
    }

    /** Invokes {@code target} on every client of the hub. */
    public Mono<Void> sendToAll(String target, Object... arguments) {
        return sendToAllExcept(null, target, arguments);
    }

    /** Invokes {@code target} on every client of the hub except the connections listed. */
    public Mono<Void> sendToAllExcept(Collection<String> excludedConnectionIds, String target, Object... arguments) {
        return send(RestRoute.send("/:send", body(target, arguments)).withEach("excluded", excludedConnectionIds));
    }

    /** Invokes {@code target} on every connection of {@code userId}. */
    public Mono<Void> sendToUser(String userId, String target, Object... arguments) {
        return send(RestRoute.send("/users" + RestRoute.segment(userId) + "/:send", body(target, arguments)));
    }

    /** Invokes {@code target} on every connection in {@code group}. */
    public Mono<Void> sendToGroup(String group, String target, Object... arguments) {
        return sendToGroupExcept(group, null, target, arguments);
    }

    /** Invokes {@code target} on every connection in {@code group} except the connections listed. */
    public Mono<Void> sendToGroupExcept(String group, Collection<String> excludedConnectionIds, String target,
            Object... arguments) {
        return send(RestRoute.send("/groups" + group(group) + "/:send", body(target, arguments))
                .withEach("excluded", excludedConnectionIds));
    }

    /** Invokes {@code target} on one connection. */
    public Mono<Void> sendToConnection(String connectionId, String target, Object... arguments) {
        return send(RestRoute.send("/connections" + RestRoute.segment(connectionId) + "/:send",
                body(target, arguments)));
    }

    /** Adds a connection to a group; fails with {@link ServiceNotFoundException} when the connection does not exist. */
    public Mono<Void> addConnectionToGroup(String group, String connectionId) {
        return send(RestRoute.hub(HttpMethod.PUT, "/groups" + group(group) + "/connections"
                + RestRoute.segment(connectionId)));
    }

    /** Removes a connection from a group; succeeds when it was not in it. */
    public Mono<Void> removeConnectionFromGroup(String group, String connectionId) {
        return call(RestRoute.hub(HttpMethod.DELETE, "/groups" + group(group) + "/connections"
                + RestRoute.segment(connectionId)), NOT_FOUND_IS_ANSWER).then();
    }

    /**
     * Adds a user (its present and future connections) to a group.
     *
     * @param ttl how long the membership lasts (whole seconds), or {@code null} for the service's maximum
     */
    public Mono<Void> addUserToGroup(String group, String userId, Duration ttl) {
        if (ttl != null && ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
        return send(RestRoute.hub(HttpMethod.PUT, "/users" + RestRoute.segment(userId) + "/groups" + group(group))
                .with("ttl", ttl == null ? null : Long.toString(ttl.getSeconds())));
    }

    /** Removes a user from a group; succeeds when it was not in it. */
    public Mono<Void> removeUserFromGroup(String group, String userId) {
        return call(RestRoute.hub(HttpMethod.DELETE, "/users" + RestRoute.segment(userId) + "/groups" + group(group)),
                NOT_FOUND_IS_ANSWER).then();
    }

    /** Removes a user from every group. */
    public Mono<Void> removeUserFromAllGroups(String userId) {
        return call(RestRoute.hub(HttpMethod.DELETE, "/users" + RestRoute.segment(userId) + "/groups"),
                NOT_FOUND_IS_ANSWER).then();
    }

    /** Whether the user is in the group. */
    public Mono<Boolean> isUserInGroup(String group, String userId) {
        return exists(RestRoute.hub(HttpMethod.HEAD, "/users" + RestRoute.segment(userId) + "/groups" + group(group)));
    }

    /** Whether the connection is connected to the hub. */
    public Mono<Boolean> connectionExists(String connectionId) {
        return exists(RestRoute.hub(HttpMethod.HEAD, "/connections" + RestRoute.segment(connectionId)));
    }

    /** Whether the user has at least one connection to the hub. */
    public Mono<Boolean> userExists(String userId) {
        return exists(RestRoute.hub(HttpMethod.HEAD, "/users" + RestRoute.segment(userId)));
    }

    /** Whether the group has at least one connection. */
    public Mono<Boolean> groupExists(String group) {
        return exists(RestRoute.hub(HttpMethod.HEAD, "/groups" + group(group)));
    }

    /** Closes one connection, giving {@code reason} (or none) to the client; succeeds when it does not exist. */
    public Mono<Void> closeConnection(String connectionId, String reason) {
        return call(RestRoute.hub(HttpMethod.DELETE, "/connections" + RestRoute.segment(connectionId))
                .with("reason", reason), NOT_FOUND_IS_ANSWER).then();
    }

    /** Closes every connection of a user except those listed. */
    public Mono<Void> closeUserConnections(String userId, String reason, Collection<String> excludedConnectionIds) {
        return send(RestRoute.hub(HttpMethod.POST, "/users" + RestRoute.segment(userId) + "/:closeConnections")
                .withEach("excluded", excludedConnectionIds).with("reason", reason));
    }

    /** Closes every connection in a group except those listed. */
    public Mono<Void> closeGroupConnections(String group, String reason, Collection<String> excludedConnectionIds) {
        return send(RestRoute.hub(HttpMethod.POST, "/groups" + group(group) + "/:closeConnections")
                .withEach("excluded", excludedConnectionIds).with("reason", reason));
    }

    /** Closes every connection of the hub except those listed. */
    public Mono<Void> closeAllConnections(String reason, Collection<String> excludedConnectionIds) {
        return send(RestRoute.hub(HttpMethod.POST, "/:closeConnections")
                .withEach("excluded", excludedConnectionIds).with("reason", reason));
    }

    /** Whether the service answers its health check ({@code HEAD /api/health}) with 2xx; any failure gives false. */
    public Mono<Boolean> isHealthy() {
        return transport.call(RestRoute.health(), Set.of()).map(status -> true).onErrorReturn(false);
    }

    /** Releases the client's HTTP connections; calls made afterwards fail. */
    @Override
    public void close() {
        transport.close();
    }

    private Mono<Void> send(RestRoute route) {
        return transport.call(route, Set.of()).then();
    }

    private Mono<Integer> call(RestRoute route, Set<Integer> accepted) {
        return transport.call(route, accepted);
    }

    private Mono<Boolean> exists(RestRoute route) {
        return transport.call(route, NOT_FOUND_IS_ANSWER).map(status -> status != 404);
    }

    private byte[] body(String target, Object[] arguments) {
        if (target == null || target.isEmpty()) {
            throw new IllegalArgumentException("The target method name must not be empty");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target);
        body.put("arguments", arguments == null ? java.util.List.of() : Arrays.asList(arguments));
        try {
            return options.objectMapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The arguments of '" + target + "' cannot be written as JSON", e);
        }
    }

    /** A group path segment; group names are 1 to 1024 characters and not only white space. */
    private static String group(String group) {
        if (group == null || group.isBlank() || group.length() > 1024) {
            throw new IllegalArgumentException("A group name must be 1 to 1024 characters, not only white space");
        }
        return RestRoute.segment(group);
    }
}
