package io.hubkit.backplane.service.rest;

import io.hubkit.backplane.service.auth.ServiceConnectionString;
import io.hubkit.backplane.service.auth.ServiceUris;
import java.util.Locale;

/**
 * Addresses {@link RestRoute}s of one hub with API version {@value #API_VERSION}, as the reference
 * SDK does: {@code {serverEndpoint}/api/hubs/{escape(lower(hub))}{path}?application={escape(lower(app))}&api-version=…}
 * (no {@code application} without an application name), then the route's extra query. The token
 * audience is the same without the extra query and with {@code scheme://host/} of the endpoint
 * (no port). Immutable and thread-safe.
 */
final class RestApiUrls {

    static final String API_VERSION = "2022-06-01";

    private final String serverEndpoint;
    private final String audienceBase;
    private final String hubPrefix;
    private final String versionQuery;

    RestApiUrls(ServiceConnectionString connectionString, String hub, String applicationName) {
        this.serverEndpoint = connectionString.effectiveServerEndpoint();
        this.audienceBase = connectionString.audienceBaseUrl();
        this.hubPrefix = "api/hubs/" + ServiceUris.escapeDataString(hub.toLowerCase(Locale.ROOT));
        this.versionQuery = (applicationName == null || applicationName.isEmpty() ? ""
                : "application=" + ServiceUris.escapeDataString(applicationName.toLowerCase(Locale.ROOT)) + "&")
                + "api-version=" + API_VERSION;
    }

    /** The URL the request goes to. */
    String url(RestRoute route) {
        StringBuilder url = new StringBuilder(serverEndpoint).append('/').append(signedPart(route));
        for (String member : route.extraQuery()) {
            url.append('&').append(member);
        }
        return url.toString();
    }

    /** The audience its token is signed for. */
    String audience(RestRoute route) {
        return audienceBase + signedPart(route);
    }

    private String signedPart(RestRoute route) {
        if (route.ownPath() != null) {
            return route.ownPath() + "?api-version=" + API_VERSION;
        }
        return hubPrefix + route.hubPath() + "?" + versionQuery;
    }
}
