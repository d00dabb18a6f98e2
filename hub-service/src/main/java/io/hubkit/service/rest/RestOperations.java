package io.hubkit.service.rest;

import io.hubkit.service.routing.ServiceRouter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The REST operations on the {@link ServiceRouter}, shared by both API versions (which differ only
 * in routes, some success statuses and the error style — the routes pass the status). Each method
 * validates the request, runs the operation service-wide (on every instance when scaled out) and
 * answers; failures are {@link RestException}s for the caller to render. Thread-safe; never blocks.
 */
final class RestOperations {

    private final ServiceRouter router;
    private final SendBody sendBody;

    RestOperations(ServiceRouter router, SendBody sendBody) {
        this.router = Objects.requireNonNull(router, "router");
        this.sendBody = Objects.requireNonNull(sendBody, "sendBody");
    }

    // ---- sends ------------------------------------------------------------------------------------

    Mono<ServerResponse> broadcast(ServerRequest request, int status) {
        String hub = RestRequests.hub(request);
        List<String> excluded = RestRequests.excluded(request);
        return payloads(request).flatMap(payloads -> router.broadcast(hub, payloads, excluded))
                .then(ServerResponse.status(status).build());
    }

    Mono<ServerResponse> sendToUser(ServerRequest request, int status) {
        String hub = RestRequests.hub(request);
        String user = RestRequests.user(request);
        return payloads(request).flatMap(payloads -> router.sendToUsers(hub, List.of(user), payloads))
                .then(ServerResponse.status(status).build());
    }

    Mono<ServerResponse> sendToConnection(ServerRequest request, int status) {
        String hub = RestRequests.hub(request);
        String connection = RestRequests.connection(request);
        return payloads(request).flatMap(payloads -> router.sendToConnection(hub, connection, payloads))
                .then(ServerResponse.status(status).build());
    }

    Mono<ServerResponse> sendToGroup(ServerRequest request, int status) {
        String hub = RestRequests.hub(request);
        String group = RestRequests.group(request);
        List<String> excluded = RestRequests.excluded(request);
        List<String> excludedUsers = RestRequests.excludedUsers(request);
        return payloads(request)
                .flatMap(payloads -> router.sendToGroups(hub, List.of(group), payloads, excluded, excludedUsers))
                .then(ServerResponse.status(status).build());
    }

    // ---- existence --------------------------------------------------------------------------------

    Mono<ServerResponse> connectionExists(ServerRequest request) {
        String hub = RestRequests.hub(request);
        String connection = RestRequests.connection(request);
        return found(router.connectionExists(hub, connection), ErrorCodes.CONNECTION_NOT_EXISTED,
                "Connection '" + connection + "' does not exist.");
    }

    Mono<ServerResponse> groupExists(ServerRequest request) {
        String hub = RestRequests.hub(request);
        String group = RestRequests.group(request);
        return found(router.groupExists(hub, group), ErrorCodes.GROUP_NOT_EXISTED,
                "Group '" + group + "' has no connection.");
    }

    Mono<ServerResponse> userExists(ServerRequest request) {
        String hub = RestRequests.hub(request);
        String user = RestRequests.user(request);
        return found(router.userExists(hub, user), ErrorCodes.USER_NOT_EXISTED,
                "User '" + user + "' has no connection.");
    }

    Mono<ServerResponse> userInGroup(ServerRequest request) {
        String hub = RestRequests.hub(request);
        String user = RestRequests.user(request);
        String group = RestRequests.group(request);
        return found(router.userInGroup(hub, user, group), ErrorCodes.USER_NOT_IN_GROUP,
                "User '" + user + "' is not in group '" + group + "'.");
    }

    // ---- closing ----------------------------------------------------------------------------------

    /** Closes one connection; a missing one still gets {@code status}, with the warning code as a header. */
    Mono<ServerResponse> closeConnection(ServerRequest request, int status) {
        String hub = RestRequests.hub(request);
        String connection = RestRequests.connection(request);
        String reason = RestRequests.reason(request);
        // asked before closing: once closed on another instance, the connection no longer exists anywhere
        return router.connectionExists(hub, connection)
                .flatMap(existed -> router.closeConnection(hub, connection, reason)
                        .then(warnUnless(existed, status, ErrorCodes.CONNECTION_NOT_EXISTED)));
    }

    Mono<ServerResponse> closeAllConnections(ServerRequest request, int status) {
        String hub = RestRequests.hub(request);
        List<String> excluded = RestRequests.excluded(request);
        String reason = RestRequests.reason(request);
        return router.closeAllConnections(hub, excluded, reason).then(ServerResponse.status(status).build());
    }

    Mono<ServerResponse> closeUserConnections(ServerRequest request, int status) {
        String hub = RestRequests.hub(request);
        String user = RestRequests.user(request);
        List<String> excluded = RestRequests.excluded(request);
        String reason = RestRequests.reason(request);
        return router.closeUserConnections(hub, user, excluded, reason).then(ServerResponse.status(status).build());
    }

    Mono<ServerResponse> closeGroupConnections(ServerRequest request, int status) {
        String hub = RestRequests.hub(request);
        String group = RestRequests.group(request);
        List<String> excluded = RestRequests.excluded(request);
        String reason = RestRequests.reason(request);
        return router.closeGroupConnections(hub, group, excluded, reason).then(ServerResponse.status(status).build());
    }

    // ---- connection membership --------------------------------------------------------------------

    /** 200 when added; 404 {@code Error.Connection.NotExisted} when the connection does not exist. */
    Mono<ServerResponse> addConnectionToGroup(ServerRequest request) {
        String hub = RestRequests.hub(request);
        String group = RestRequests.group(request);
        String connection = RestRequests.connection(request);
        return router.joinGroup(hub, connection, group)
                .flatMap(added -> orNotFound(added, ErrorCodes.ADD_CONNECTION_NOT_EXISTED,
                        "Connection '" + connection + "' does not exist."));
    }

    /** 200 when removed; 404 {@code Warning.Connection.NotExisted} when the connection does not exist. */
    Mono<ServerResponse> removeConnectionFromGroup(ServerRequest request) {
        String hub = RestRequests.hub(request);
        String group = RestRequests.group(request);
        String connection = RestRequests.connection(request);
        return router.leaveGroup(hub, connection, group)
                .flatMap(existed -> orNotFound(existed, ErrorCodes.CONNECTION_NOT_EXISTED,
                        "Connection '" + connection + "' does not exist."));
    }

    /**
     * Removes a connection from every group: 200; a missing connection is 404 when
     * {@code missingIsNotFound} (v1), else 200 with the warning code as a header (2022-06-01).
     */
    Mono<ServerResponse> removeConnectionFromAllGroups(ServerRequest request, boolean missingIsNotFound) {
        String hub = RestRequests.hub(request);
        String connection = RestRequests.connection(request);
        return router.leaveAllGroups(hub, connection).flatMap(existed -> missingIsNotFound
                ? orNotFound(existed, ErrorCodes.CONNECTION_NOT_EXISTED, "Connection '" + connection + "' does not exist.")
                : warnUnless(existed, 200, ErrorCodes.CONNECTION_NOT_EXISTED));
    }

    // ---- user membership --------------------------------------------------------------------------

    Mono<ServerResponse> addUserToGroup(ServerRequest request, int status) {
        String hub = RestRequests.hub(request);
        String group = RestRequests.group(request);
        String user = RestRequests.user(request);
        Duration ttl = RestRequests.ttl(request);
        return router.userJoinGroup(hub, user, group, ttl).then(ServerResponse.status(status).build());
    }

    Mono<ServerResponse> removeUserFromGroup(ServerRequest request, int status) {
        String hub = RestRequests.hub(request);
        String group = RestRequests.group(request);
        String user = RestRequests.user(request);
        return router.userLeaveGroup(hub, user, group).then(ServerResponse.status(status).build());
    }

    Mono<ServerResponse> removeUserFromAllGroups(ServerRequest request, int status) {
        String hub = RestRequests.hub(request);
        String user = RestRequests.user(request);
        return router.userLeaveAllGroups(hub, user).then(ServerResponse.status(status).build());
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Mono<Map<String, byte[]>> payloads(ServerRequest request) {
        String contentType = request.headers().firstHeader("Content-Type");
        return RestBodies.read(request).map(body -> sendBody.payloads(contentType, body));
    }

    private static Mono<ServerResponse> found(Mono<Boolean> exists, String errorCode, String message) {
        return exists.flatMap(yes -> orNotFound(yes, errorCode, message));
    }

    private static Mono<ServerResponse> orNotFound(boolean ok, String errorCode, String message) {
        return ok ? ServerResponse.ok().build() : Mono.error(RestException.notFound(errorCode, message));
    }

    private static Mono<ServerResponse> warnUnless(boolean ok, int status, String errorCode) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(status);
        if (!ok) {
            builder.header(ErrorCodes.HEADER, errorCode);
        }
        return builder.build();
    }
}
