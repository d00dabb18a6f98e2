package io.hubkit.benchmarks.apps.hubkit;

import io.hubkit.benchmarks.apps.stats.ConnectionCounter;
import io.hubkit.core.annotation.OnConnected;
import io.hubkit.core.annotation.OnDisconnected;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.spring.Hub;
import reactor.core.publisher.Mono;

/**
 * The hub every HubKit scenario drives. Payloads are opaque strings (the load client puts its send
 * timestamp at their start); the hub never looks inside them, so it costs what a real hub's
 * routing costs and nothing more. Methods run on the caller's I/O thread and never block.
 *
 * <ul>
 *   <li>{@code echo(payload)} returns the payload to the caller (a Completion).</li>
 *   <li>{@code broadcast(payload)} sends {@code broadcast(payload)} to every connection, the caller included.</li>
 *   <li>{@code joinGroup(group)} adds the caller to a group; {@code sendToGroup(group, payload)}
 *       sends {@code group(payload)} to its members.</li>
 * </ul>
 */
@Hub("/hubs/bench")
public class BenchmarkHub {

    private final ConnectionCounter connections;

    public BenchmarkHub(ConnectionCounter connections) {
        this.connections = connections;
    }

    @OnConnected
    public void connected() {
        connections.opened();
    }

    @OnDisconnected
    public void disconnected() {
        connections.closed();
    }

    public String echo(String payload) {
        return payload;
    }

    public Mono<Void> broadcast(String payload, HubCallerClients clients) {
        return clients.all().send("broadcast", payload);
    }

    public Mono<Void> joinGroup(String group, HubCallerContext caller, GroupManager groups) {
        return groups.addToGroup(caller.connectionId(), group);
    }

    public Mono<Void> sendToGroup(String group, String payload, HubCallerClients clients) {
        return clients.group(group).send("group", payload);
    }
}
