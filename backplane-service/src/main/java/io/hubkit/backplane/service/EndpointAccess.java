package io.hubkit.backplane.service;

import io.hubkit.backplane.service.auth.AccessTokenIssuer;
import io.hubkit.backplane.service.auth.ServiceClaimTypes;
import io.hubkit.backplane.service.auth.ServiceConnectionString;
import io.hubkit.backplane.service.auth.ServiceEndpoint;
import io.hubkit.backplane.service.protocol.ServiceClaim;
import io.hubkit.backplane.service.server.ServiceAccess;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ServiceAccess} from a connection string: the server URL of each hub (scheme switched to
 * {@code ws}/{@code wss}) and a fresh HS256 server token per connect ({@code nameid} = server id).
 * Thread-safe.
 */
final class EndpointAccess implements ServiceAccess {

    private final ServiceConnectionString connectionString;
    private final String applicationName;
    private final AccessTokenIssuer issuer;
    private final String serverId;
    private final Map<String, ServiceEndpoint> byHubKey = new ConcurrentHashMap<>();

    EndpointAccess(ServiceConnectionString connectionString, String applicationName, AccessTokenIssuer issuer,
                   String serverId) {
        this.connectionString = connectionString;
        this.applicationName = applicationName;
        this.issuer = issuer;
        this.serverId = serverId;
    }

    /** The endpoint of hub {@code hubName}; its key is the one the wire uses. */
    ServiceEndpoint endpoint(String hubName) {
        ServiceEndpoint endpoint = new ServiceEndpoint(connectionString, hubName, applicationName);
        byHubKey.putIfAbsent(endpoint.hubKey(), endpoint);
        return endpoint;
    }

    @Override
    public URI serverUrl(String hubKey, String connectionId, String target) {
        String url = byHubKey.get(hubKey).serverUrl(connectionId, target);
        if (url.startsWith("https://")) {
            url = "wss://" + url.substring("https://".length());
        } else if (url.startsWith("http://")) {
            url = "ws://" + url.substring("http://".length());
        }
        return URI.create(url);
    }

    @Override
    public String serverToken(String hubKey) {
        return issuer.issue(byHubKey.get(hubKey).serverAudience(),
                List.of(new ServiceClaim(ServiceClaimTypes.NAME_ID, serverId)));
    }

    @Override
    public String serverId() {
        return serverId;
    }
}
