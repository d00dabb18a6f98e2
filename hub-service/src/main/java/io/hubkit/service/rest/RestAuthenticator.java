package io.hubkit.service.rest;

import io.hubkit.backplane.service.auth.AccessTokenException;
import io.hubkit.backplane.service.auth.AccessTokenValidator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Authenticates REST requests as Azure SignalR Service does: {@code Authorization: Bearer <jwt>},
 * HS256/HS512 signed with any configured access key, {@code exp} required, and an audience naming
 * the request's URL — scheme, host and path compared, port, trailing slash and query ignored
 * (both the documented {@code https://host/api/v1/hubs/chat} and the SDK's
 * {@code https://host/api/hubs/chat/:send?api-version=2022-06-01} match). The audience may name the
 * request's own host or the service's public endpoint host. The token checks are backplane-service's
 * {@link AccessTokenValidator}. Anything else is a {@link RestException} 401. Thread-safe.
 */
public final class RestAuthenticator {

    private final AccessTokenValidator validator;
    private final List<URI> publicEndpoints;

    /**
     * @param validator       checks signature, lifetime and audience
     * @param publicEndpoints base URLs (scheme and host used) under which clients may also address
     *                        the service, e.g. the configured public endpoint; may be empty
     */
    public RestAuthenticator(AccessTokenValidator validator, List<URI> publicEndpoints) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.publicEndpoints = List.copyOf(publicEndpoints);
    }

    /** Completes when the request carries a valid token for its URL; fails with a 401 otherwise. */
    public Mono<Void> authenticate(ServerRequest request) {
        return Mono.fromRunnable(() -> check(request));
    }

    private void check(ServerRequest request) {
        String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw RestException.unauthorized("A bearer token is required.");
        }
        String token = authorization.substring(7).trim();
        URI uri = request.uri();
        String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
        AccessTokenException refused = null;
        for (String audience : audiences(uri, path)) {
            try {
                validator.validate(token, audience);
                return;
            } catch (AccessTokenException e) {
                refused = e;
                if (e.reason() != AccessTokenException.Reason.WRONG_AUDIENCE) {
                    break; // only the audience depends on which base is tried
                }
            }
        }
        throw RestException.unauthorized(refused == null ? "The access token was refused." : refused.getMessage());
    }

    private List<String> audiences(URI request, String path) {
        List<String> audiences = new ArrayList<>(1 + publicEndpoints.size());
        if (request.getScheme() != null && request.getHost() != null) {
            audiences.add(request.getScheme() + "://" + request.getHost() + path);
        }
        for (URI endpoint : publicEndpoints) {
            audiences.add(endpoint.getScheme() + "://" + endpoint.getHost() + path);
        }
        return audiences;
    }
}
