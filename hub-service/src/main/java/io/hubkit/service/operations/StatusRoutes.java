package io.hubkit.service.operations;

import io.hubkit.service.config.ServiceProperties;
import io.hubkit.service.routing.HubSummary;
import io.hubkit.service.routing.ServiceRouter;
import io.hubkit.service.routing.ServerConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The status page: {@code GET /} and {@code GET /status} serve a small self-contained HTML page
 * (no external scripts or styles) that polls {@code GET /status.json} every two seconds and shows
 * hubs, client connections, app servers and message rates. The JSON: {@code instanceId},
 * {@code mode}, {@code startedAt}, {@code uptimeSeconds}, {@code totals} (messages in and out,
 * client side and server side, since start) and {@code hubs} (per hub: {@code hub},
 * {@code clientConnections}, {@code serverConnections}, {@code groups}, {@code servers} — the app
 * server ids). Unauthenticated; it shows no secrets.
 */
@Configuration(proxyBeanMethods = false)
public class StatusRoutes {

    private final Instant startedAt = Instant.now();

    @Bean
    public RouterFunction<ServerResponse> serviceStatusRoutes(ServiceRouter router, ServiceMeters meters,
                                                              ServiceProperties properties) {
        ClassPathResource page = new ClassPathResource("status/status.html");
        return RouterFunctions.route(RequestPredicates.GET("/").or(RequestPredicates.GET("/status")),
                        request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .andRoute(RequestPredicates.GET("/status.json"),
                        request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(snapshot(router, meters, properties)));
    }

    private Map<String, Object> snapshot(ServiceRouter router, ServiceMeters meters, ServiceProperties properties) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("instanceId", router.instanceId());
        status.put("mode", properties.getMode().name().toLowerCase(Locale.ROOT));
        status.put("startedAt", startedAt.toString());
        status.put("uptimeSeconds", Duration.between(startedAt, Instant.now()).toSeconds());
        ServiceMeters.Totals totals = meters.totals();
        status.put("totals", Map.of("clientIn", totals.clientIn(), "clientOut", totals.clientOut(),
                "serverIn", totals.serverIn(), "serverOut", totals.serverOut()));
        List<Map<String, Object>> hubs = router.local().summaries().stream().map(summary -> hub(router, summary)).toList();
        status.put("hubs", hubs);
        return status;
    }

    private static Map<String, Object> hub(ServiceRouter router, HubSummary summary) {
        Map<String, Object> hub = new LinkedHashMap<>();
        hub.put("hub", summary.hub());
        hub.put("clientConnections", summary.clientConnections());
        hub.put("serverConnections", summary.serverConnections());
        hub.put("groups", summary.groups());
        Set<String> servers = new LinkedHashSet<>();
        for (ServerConnection server : router.local().servers(summary.hub())) {
            servers.add(server.serverId());
        }
        hub.put("servers", List.copyOf(servers));
        return hub;
    }
}
