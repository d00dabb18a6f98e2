package io.hubkit.service.server;

import io.hubkit.backplane.service.protocol.PingMessage;
import io.hubkit.service.routing.LocalRouting;
import io.hubkit.service.routing.ServerConnection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers the pings an app server sends (reference §4.5): {@code [3]} keep-alive (nothing to do),
 * {@code status} (answered with whether the hub has clients here, {@code "1"} or {@code "0"}),
 * {@code servers} (answered {@code "<ticks>:<id1>;<id2>…"}, the ids of the hub's app servers
 * connected here, ticks being .NET {@code DateTime} ticks of now), {@code shutdown fin:N} (the
 * connection takes no new clients; answered {@code finack}) and {@code echo} (echoed). Other keys
 * are ignored. Stateless and thread-safe.
 */
final class ServerPings {

    /** .NET ticks (100 ns since 0001-01-01) at the Unix epoch. */
    private static final long EPOCH_TICKS = 621_355_968_000_000_000L;

    private final LocalRouting routing;

    ServerPings(LocalRouting routing) {
        this.routing = routing;
    }

    void handle(ServerSession session, PingMessage ping) {
        List<String> values = ping.messages();
        for (int i = 0; i + 1 < values.size(); i += 2) {
            String key = values.get(i);
            String value = values.get(i + 1);
            switch (key == null ? "" : key) {
                case "status" -> session.send(PingMessage.of("status",
                        routing.connections(session.hub()).isEmpty() ? "0" : "1"));
                case "servers" -> session.send(PingMessage.of("servers", servers(session.hub())));
                case "shutdown" -> {
                    if (value != null && value.startsWith("fin:")) {
                        session.stopAcceptingClients();
                        session.send(PingMessage.of("shutdown", "finack"));
                    }
                }
                case "echo" -> session.send(PingMessage.of("echo", value == null ? "" : value));
                default -> {
                    // keys the service does not act on (#clientInHub, #client, …)
                }
            }
        }
    }

    private String servers(String hub) {
        Set<String> ids = new LinkedHashSet<>();
        for (ServerConnection server : routing.servers(hub)) {
            ids.add(server.serverId());
        }
        long ticks = EPOCH_TICKS + System.currentTimeMillis() * 10_000L;
        return ticks + ":" + String.join(";", ids);
    }
}
