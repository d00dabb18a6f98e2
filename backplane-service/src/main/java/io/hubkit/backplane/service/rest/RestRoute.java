package io.hubkit.backplane.service.rest;

import io.hubkit.backplane.service.auth.ServiceUris;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One REST call before it is addressed: method, the path under the hub ({@code /groups/g/:send},
 * already escaped) or a path of its own ({@code api/health}), the query members that are not part
 * of the signed audience ({@code excluded}, {@code reason}, {@code ttl}), an optional JSON body and
 * whether the call sends a message (such calls are retried only when the service certainly did
 * not deliver). Immutable.
 */
record RestRoute(HttpMethod method, String hubPath, String ownPath, List<String> extraQuery, byte[] body,
        boolean messageSend) {

    static RestRoute hub(HttpMethod method, String hubPath) {
        return new RestRoute(method, hubPath, null, List.of(), null, false);
    }

    static RestRoute send(String hubPath, byte[] body) {
        return new RestRoute(HttpMethod.POST, hubPath, null, List.of(), body, true);
    }

    static RestRoute health() {
        return new RestRoute(HttpMethod.HEAD, null, "api/health", List.of(), null, false);
    }

    /** This route with {@code name=value} appended to its query (escaped); a {@code null} value adds nothing. */
    RestRoute with(String name, String value) {
        if (value == null) {
            return this;
        }
        List<String> query = new ArrayList<>(extraQuery);
        query.add(name + "=" + ServiceUris.escapeDataString(value));
        return new RestRoute(method, hubPath, ownPath, List.copyOf(query), body, messageSend);
    }

    /** This route with one {@code name=value} member per value. */
    RestRoute withEach(String name, Collection<String> values) {
        RestRoute route = this;
        if (values != null) {
            for (String value : values) {
                route = route.with(name, value);
            }
        }
        return route;
    }

    /** An escaped path segment. */
    static String segment(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("A path segment must not be empty");
        }
        return "/" + ServiceUris.escapeDataString(value);
    }
}
