package io.hubkit.service.rest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads the parts of a REST request the operations need, validated: the hub key (path variable
 * {@code hub} plus the optional {@code application} query parameter), group, user and connection
 * names from the path, the repeated {@code excluded} parameter, {@code reason} and {@code ttl}.
 * Invalid values are a {@link RestException} 400. Stateless.
 */
final class RestRequests {

    /** The most {@code excluded} ids one request may carry. */
    static final int MAX_EXCLUDED = 1000;

    private RestRequests() {
    }

    static String hub(ServerRequest request) {
        return RestNames.hubKey(request.pathVariable("hub"), request.queryParam("application").orElse(null));
    }

    static String group(ServerRequest request) {
        return RestNames.group(request.pathVariable("group"));
    }

    static String user(ServerRequest request) {
        return RestNames.id("user id", request.pathVariable("user"));
    }

    static String connection(ServerRequest request) {
        return RestNames.id("connection id", request.pathVariable("connectionId"));
    }

    /** The {@code excluded} connection ids (a repeated parameter). */
    static List<String> excluded(ServerRequest request) {
        return ids(request, "excluded");
    }

    /** The {@code excludedUsers} ids. */
    static List<String> excludedUsers(ServerRequest request) {
        return ids(request, "excludedUsers");
    }

    /** The close {@code reason}, or {@code null}. */
    static String reason(ServerRequest request) {
        Optional<String> reason = request.queryParam("reason");
        return reason.filter(r -> !r.isEmpty()).orElse(null);
    }

    /** The {@code ttl} in seconds as a duration, or {@code null} when absent. */
    static Duration ttl(ServerRequest request) {
        Optional<String> ttl = request.queryParam("ttl");
        if (ttl.isEmpty() || ttl.get().isEmpty()) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(ttl.get());
            if (seconds < 0) {
                throw RestException.badRequest("The ttl must not be negative.");
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw RestException.badRequest("The ttl must be a whole number of seconds.");
        }
    }

    private static List<String> ids(ServerRequest request, String name) {
        List<String> values = request.queryParams().getOrDefault(name, List.of()).stream()
                .filter(value -> !value.isEmpty())
                .toList();
        if (values.size() > MAX_EXCLUDED) {
            throw RestException.badRequest("At most " + MAX_EXCLUDED + " " + name + " values are accepted.");
        }
        return values;
    }
}
