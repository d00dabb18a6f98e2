package io.hubkit.service.rest;

import io.hubkit.backplane.service.auth.AccessTokenIssuer;
import io.hubkit.backplane.service.auth.ClientTokenClaims;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/hubs/{hub}/:generateToken?userId=&minutesToExpire=}: a client access token for
 * the hub, {@code {"token": "…"}} — audience {@code {scheme://host/}client/?hub={hubKey}} (the request's
 * scheme and host, no port, as Azure signs them), the user id as {@code asrs.s.uid} when given,
 * lifetime {@code minutesToExpire} minutes (default 60, at most a year), signed with the service's
 * first access key by backplane-service's {@link AccessTokenIssuer}. Thread-safe.
 */
final class TokenGeneration {

    /** The longest lifetime a generated token may have, in minutes. */
    static final int MAX_MINUTES = 366 * 24 * 60;

    private final AccessTokenIssuer issuer;

    TokenGeneration(AccessTokenIssuer issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    Mono<ServerResponse> generate(ServerRequest request) {
        String hub = RestRequests.hub(request);
        String userId = request.queryParam("userId").filter(id -> !id.isEmpty()).orElse(null);
        if (userId != null) {
            RestNames.id("user id", userId);
        }
        int minutes = minutes(request.queryParam("minutesToExpire").orElse(null));
        URI uri = request.uri();
        String audience = uri.getScheme() + "://" + uri.getHost() + "/client/?hub=" + hub;
        String token = issuer.issue(audience, ClientTokenClaims.of(userId, List.of()), Duration.ofMinutes(minutes));
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("token", token));
    }

    private static int minutes(String text) {
        if (text == null || text.isEmpty()) {
            return 60;
        }
        try {
            int minutes = Integer.parseInt(text);
            if (minutes < 1 || minutes > MAX_MINUTES) {
                throw RestException.badRequest("minutesToExpire must be between 1 and " + MAX_MINUTES + ".");
            }
            return minutes;
        } catch (NumberFormatException e) {
            throw RestException.badRequest("minutesToExpire must be a whole number of minutes.");
        }
    }
}
