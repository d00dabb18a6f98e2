package io.hubkit.samples.interop.hubs;

import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.spring.Hub;
import reactor.core.publisher.Mono;

/**
 * {@code /routinghub}, for scale-out tests: every way of addressing clients, each message delivered
 * to the client method {@code Receive} with one string argument. The user id is the token's
 * NameIdentifier ({@code sub}) claim (tokens from {@code GET /generateJwtToken?user=NAME}); without a
 * token the connection is anonymous. {@code InvokeConnection} asks a client for a result wherever
 * that client is connected (through the backplane).
 */
@Hub("/routinghub")
public class RoutingHub {

    static final String RECEIVE = "Receive";

    public Mono<Void> joinGroup(String group, HubCallerContext caller, GroupManager groups) {
        return groups.addToGroup(caller.connectionId(), group);
    }

    public Mono<Void> leaveGroup(String group, HubCallerContext caller, GroupManager groups) {
        return groups.removeFromGroup(caller.connectionId(), group);
    }

    public Mono<Void> sendToAll(String message, HubCallerClients clients) {
        return clients.all().send(RECEIVE, message);
    }

    public Mono<Void> sendToOthers(String message, HubCallerClients clients) {
        return clients.others().send(RECEIVE, message);
    }

    public Mono<Void> sendToGroup(String group, String message, HubCallerClients clients) {
        return clients.group(group).send(RECEIVE, message);
    }

    public Mono<Void> sendToOthersInGroup(String group, String message, HubCallerClients clients) {
        return clients.othersInGroup(group).send(RECEIVE, message);
    }

    public Mono<Void> sendToUser(String userId, String message, HubCallerClients clients) {
        return clients.user(userId).send(RECEIVE, message);
    }

    public Mono<Void> sendToConnection(String connectionId, String message, HubCallerClients clients) {
        return clients.client(connectionId).send(RECEIVE, message);
    }

    public String getConnectionId(HubCallerContext caller) {
        return caller.connectionId();
    }

    public String getUserId(HubCallerContext caller) {
        return caller.userIdentifier();
    }

    public Mono<Integer> invokeConnection(String connectionId, String method, HubCallerClients clients) {
        return clients.client(connectionId).invoke(Integer.class, method);
    }
}
