package io.hubkit.spring.autoconfigure;

import io.hubkit.spring.TransportType;
import io.hubkit.spring.endpoint.MappedEndpoint;
import io.hubkit.spring.web.EndpointSettings;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Resolves how each endpoint is served from {@link HubKitProperties} and the endpoint's annotation:
 * <ul>
 *   <li>transports: {@code hubkit.endpoints.<name>.transports} if set, else the annotation's list
 *       if not empty, else all — always within {@code hubkit.transports};</li>
 *   <li>stateful reconnect: {@code hubkit.endpoints.<name>.stateful-reconnect} if set, else
 *       {@code hubkit.stateful-reconnect.enabled};</li>
 *   <li>CORS: {@code hubkit.cors.endpoints.<name>.*} if present, else {@code hubkit.cors.*}; a policy
 *       without origins or origin patterns means no CORS handling.</li>
 * </ul>
 * Endpoint names are matched case-insensitively. Stateless.
 */
public final class EndpointSettingsFactory {

    private static final List<String> METHODS = List.of("GET", "POST", "DELETE", "OPTIONS");

    private EndpointSettingsFactory() {
    }

    /** The settings of every endpoint, read from {@code properties} when called. */
    public static Function<MappedEndpoint, EndpointSettings> from(HubKitProperties properties) {
        return endpoint -> resolve(properties, endpoint);
    }

    static EndpointSettings resolve(HubKitProperties properties, MappedEndpoint endpoint) {
        HubKitProperties.Endpoint own = byName(properties.getEndpoints(), endpoint.name());
        Set<TransportType> chosen;
        if (own != null && own.getTransports() != null) {
            chosen = own.getTransports();
        } else if (!endpoint.declaredTransports().isEmpty()) {
            chosen = endpoint.declaredTransports();
        } else {
            chosen = EnumSet.allOf(TransportType.class);
        }
        EnumSet<TransportType> offered = EnumSet.noneOf(TransportType.class);
        for (TransportType type : chosen) {
            if (properties.getTransports() != null && properties.getTransports().contains(type)) {
                offered.add(type);
            }
        }
        boolean stateful = own != null && own.getStatefulReconnect() != null
                ? own.getStatefulReconnect() : properties.getStatefulReconnect().isEnabled();
        HubKitProperties.CorsPolicy policy = byName(properties.getCors().getEndpoints(), endpoint.name());
        return new EndpointSettings(offered, stateful, cors(policy != null ? policy : properties.getCors()));
    }

    private static CorsConfiguration cors(HubKitProperties.CorsPolicy policy) {
        if (policy.getAllowedOrigins().isEmpty() && policy.getAllowedOriginPatterns().isEmpty()) {
            return null;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(policy.getAllowedOrigins());
        cors.setAllowedOriginPatterns(policy.getAllowedOriginPatterns());
        cors.setAllowedMethods(METHODS);
        cors.setAllowedHeaders(policy.getAllowedHeaders());
        cors.setExposedHeaders(policy.getExposedHeaders());
        cors.setAllowCredentials(policy.isAllowCredentials());
        cors.setMaxAge(policy.getMaxAge());
        cors.validateAllowCredentials();
        return cors;
    }

    private static <T> T byName(Map<String, T> map, String name) {
        T exact = map.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, T> entry : map.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
