package io.hubkit.service.rest;

import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The routes of the REST data-plane API (reference: Azure SignalR Service's v1 and 2022-06-01
 * swagger): every route authenticates the bearer token first, then runs its
 * {@link RestOperations} method; failures are rendered in the version's error style. Statuses per
 * route are Azure's (e.g. v1 answers sends, closes and user-group changes with 202; 2022-06-01
 * answers closes of many connections and user-group removals with 204).
 */
final class RestRoutes {

    /** The API versions accepted on the {@code /api/hubs} routes. */
    static final Set<String> API_VERSIONS = Set.of(
            "2022-06-01", "2022-11-01", "2023-07-01", "2024-01-01", "2024-12-01");

    private final RestOperations operations;
    private final RestAuthenticator authenticator;
    private final TokenGeneration tokens;

    RestRoutes(RestOperations operations, RestAuthenticator authenticator, TokenGeneration tokens) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** Both versions' routes. */
    RouterFunction<ServerResponse> routes() {
        return v1().and(v2022());
    }

    /** {@code /api/v1/hubs/{hub}/…}. */
    RouterFunction<ServerResponse> v1() {
        String base = "/api/v1/hubs/{hub}";
        RestApiVersion v = RestApiVersion.V1;
        RestOperations o = operations;
        return RouterFunctions.route()
                .POST(base, h(v, r -> o.broadcast(r, 202)))
                .POST(base + "/users/{user}", h(v, r -> o.sendToUser(r, 202)))
                .POST(base + "/connections/{connectionId}", h(v, r -> o.sendToConnection(r, 202)))
                .POST(base + "/groups/{group}", h(v, r -> o.sendToGroup(r, 202)))
                .GET(base + "/connections/{connectionId}", h(v, o::connectionExists))
                .HEAD(base + "/connections/{connectionId}", h(v, o::connectionExists))
                .DELETE(base + "/connections/{connectionId}", h(v, r -> o.closeConnection(r, 202)))
                .GET(base + "/groups/{group}", h(v, o::groupExists))
                .HEAD(base + "/groups/{group}", h(v, o::groupExists))
                .GET(base + "/users/{user}", h(v, o::userExists))
                .HEAD(base + "/users/{user}", h(v, o::userExists))
                .PUT(base + "/groups/{group}/connections/{connectionId}", h(v, o::addConnectionToGroup))
                .PUT(base + "/connections/{connectionId}/groups/{group}", h(v, o::addConnectionToGroup))
                .DELETE(base + "/groups/{group}/connections/{connectionId}", h(v, o::removeConnectionFromGroup))
                .DELETE(base + "/connections/{connectionId}/groups/{group}", h(v, o::removeConnectionFromGroup))
                .DELETE(base + "/connections/{connectionId}/groups", h(v, r -> o.removeConnectionFromAllGroups(r, true)))
                .GET(base + "/groups/{group}/users/{user}", h(v, o::userInGroup))
                .HEAD(base + "/groups/{group}/users/{user}", h(v, o::userInGroup))
                .GET(base + "/users/{user}/groups/{group}", h(v, o::userInGroup))
                .HEAD(base + "/users/{user}/groups/{group}", h(v, o::userInGroup))
                .PUT(base + "/groups/{group}/users/{user}", h(v, r -> o.addUserToGroup(r, 202)))
                .PUT(base + "/users/{user}/groups/{group}", h(v, r -> o.addUserToGroup(r, 202)))
                .DELETE(base + "/groups/{group}/users/{user}", h(v, r -> o.removeUserFromGroup(r, 202)))
                .DELETE(base + "/users/{user}/groups/{group}", h(v, r -> o.removeUserFromGroup(r, 202)))
                .DELETE(base + "/users/{user}/groups", h(v, r -> o.removeUserFromAllGroups(r, 200)))
                .build();
    }

    /** {@code /api/hubs/{hub}/…?api-version=2022-06-01}. */
    RouterFunction<ServerResponse> v2022() {
        String base = "/api/hubs/{hub}";
        RestApiVersion v = RestApiVersion.V2022_06_01;
        RestOperations o = operations;
        return RouterFunctions.route()
                .POST(base + "/:send", h(v, r -> o.broadcast(r, 202)))
                .POST(base + "/:closeConnections", h(v, r -> o.closeAllConnections(r, 204)))
                .POST(base + "/:generateToken", h(v, tokens::generate))
                .POST(base + "/connections/{connectionId}/:send", h(v, r -> o.sendToConnection(r, 202)))
                .HEAD(base + "/connections/{connectionId}", h(v, o::connectionExists))
                .GET(base + "/connections/{connectionId}", h(v, o::connectionExists))
                .DELETE(base + "/connections/{connectionId}", h(v, r -> o.closeConnection(r, 200)))
                .DELETE(base + "/connections/{connectionId}/groups", h(v, r -> o.removeConnectionFromAllGroups(r, false)))
                .PUT(base + "/connections/{connectionId}/groups/{group}", h(v, o::addConnectionToGroup))
                .DELETE(base + "/connections/{connectionId}/groups/{group}", h(v, o::removeConnectionFromGroup))
                .HEAD(base + "/groups/{group}", h(v, o::groupExists))
                .GET(base + "/groups/{group}", h(v, o::groupExists))
                .POST(base + "/groups/{group}/:send", h(v, r -> o.sendToGroup(r, 202)))
                .POST(base + "/groups/{group}/:closeConnections", h(v, r -> o.closeGroupConnections(r, 204)))
                .PUT(base + "/groups/{group}/connections/{connectionId}", h(v, o::addConnectionToGroup))
                .DELETE(base + "/groups/{group}/connections/{connectionId}", h(v, o::removeConnectionFromGroup))
                .HEAD(base + "/users/{user}", h(v, o::userExists))
                .GET(base + "/users/{user}", h(v, o::userExists))
                .POST(base + "/users/{user}/:send", h(v, r -> o.sendToUser(r, 202)))
                .POST(base + "/users/{user}/:closeConnections", h(v, r -> o.closeUserConnections(r, 204)))
                .DELETE(base + "/users/{user}/groups", h(v, r -> o.removeUserFromAllGroups(r, 204)))
                .DELETE(base + "/users/{user}/groups/{group}", h(v, r -> o.removeUserFromGroup(r, 204)))
                .HEAD(base + "/users/{user}/groups/{group}", h(v, o::userInGroup))
                .GET(base + "/users/{user}/groups/{group}", h(v, o::userInGroup))
                .PUT(base + "/users/{user}/groups/{group}", h(v, r -> o.addUserToGroup(r, 200)))
                .build();
    }

    /** Wraps an operation: authentication, API version check, error rendering. */
    private HandlerFunction<ServerResponse> h(RestApiVersion version, Function<ServerRequest, Mono<ServerResponse>> operation) {
        return request -> {
            boolean head = request.method() == HttpMethod.HEAD;
            return authenticator.authenticate(request)
                    .then(Mono.defer(() -> {
                        if (version == RestApiVersion.V2022_06_01) {
                            requireApiVersion(request);
                        }
                        return operation.apply(request);
                    }))
                    .onErrorResume(error -> RestErrors.render(error, version, head));
        };
    }

    private static void requireApiVersion(ServerRequest request) {
        String apiVersion = request.queryParam("api-version").orElse(null);
        if (apiVersion == null || apiVersion.isEmpty()) {
            throw RestException.badRequest("The api-version query parameter is required (e.g. api-version=2022-06-01).");
        }
        if (!API_VERSIONS.contains(apiVersion)) {
            throw RestException.badRequest("Unsupported api-version '" + apiVersion + "'; supported: 2022-06-01.");
        }
    }
}
