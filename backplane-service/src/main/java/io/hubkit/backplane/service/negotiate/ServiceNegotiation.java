package io.hubkit.backplane.service.negotiate;

import io.hubkit.backplane.service.auth.AccessTokenIssuer;
import io.hubkit.backplane.service.auth.ClientTokenClaims;
import io.hubkit.backplane.service.auth.ServiceClaimTypes;
import io.hubkit.backplane.service.auth.ServiceConnectionString;
import io.hubkit.backplane.service.auth.ServiceEndpoint;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What an app server answers to a client's negotiate when its hubs are served through a hub
 * service: a redirect {@code {"url": <client URL>, "accessToken": <client token>}}. The URL is the
 * service's {@code /client/?hub=<hub key>} with {@code asrs.op} (the hub path the client
 * negotiated at, so the hub sees it again when the client arrives) and the client's own negotiate
 * query (less {@code negotiateVersion} and {@code useStatefulReconnect}, which the client adds
 * again); the token (HS256 with the access key, audience {@code {base}client/?hub=<hub key>},
 * one hour) carries the user id as {@code asrs.s.uid} and {@code nameid} — the service routes user
 * sends by it — and the user's claims (names reserved by JWT prefixed {@code asrs.u.}; system
 * claims a caller passes in are dropped). Immutable and thread-safe.
 */
public final class ServiceNegotiation {

    /** The negotiate redirect. */
    public record Redirect(String url, String accessToken) {
    }

    private final ServiceConnectionString connectionString;
    private final String applicationName;
    private final AccessTokenIssuer issuer;

    public ServiceNegotiation(ServiceConnectionString connectionString, String applicationName,
                              AccessTokenIssuer issuer) {
        this.connectionString = Objects.requireNonNull(connectionString, "connectionString");
        this.applicationName = applicationName;
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /**
     * The redirect for a client negotiating for hub {@code hubName}.
     *
     * @param hubPath  the hub's path on this server (e.g. {@code /hubs/chat}), without {@code /negotiate}
     * @param rawQuery the negotiate request's raw (still encoded) query, or {@code null}
     * @param userId   the user id of the client, or {@code null} for an anonymous one
     * @param claims   the user's claims (type, value), in order; may repeat types
     */
    public Redirect redirect(String hubName, String hubPath, String rawQuery, String userId,
                             List<Map.Entry<String, String>> claims) {
        ServiceEndpoint endpoint = new ServiceEndpoint(connectionString, hubName, applicationName);
        String url = endpoint.clientUrl(hubPath, clientQuery(rawQuery), UUID.randomUUID().toString());
        List<ServiceClaim> userClaims = new ArrayList<>();
        if (userId != null) {
            userClaims.add(new ServiceClaim(ServiceClaimTypes.NAME_ID, userId));
        }
        for (Map.Entry<String, String> claim : claims) {
            String type = claim.getKey();
            if (type == null || claim.getValue() == null || type.startsWith(ServiceClaimTypes.SYSTEM_PREFIX)
                    || (userId != null && type.equals(ServiceClaimTypes.NAME_ID))) {
                continue;
            }
            userClaims.add(new ServiceClaim(type, claim.getValue()));
        }
        String token = issuer.issue(endpoint.clientAudience(), ClientTokenClaims.of(userId, userClaims));
        return new Redirect(url, token);
    }

    /** The negotiate query without the parameters the client adds itself. */
    static String clientQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (pair.isEmpty() || name.equalsIgnoreCase("negotiateVersion")
                    || name.equalsIgnoreCase("useStatefulReconnect")) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append('&');
            }
            kept.append(pair);
        }
        return kept.toString();
    }
}
