package io.hubkit.spring.redis;

import io.hubkit.core.annotation.OnConnected;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.spring.Hub;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A hub whose methods make every routing call on behalf of a client, so that a script can drive
 * each of them from a client of any server. Messages go to the client method {@code m}.
 */
@Hub("/hubs/scale")
public class ScaleOutHub {

    /** Tells the client its id once the backplane registered it (so other servers can reach it). */
    @OnConnected
    public Mono<Void> connected(HubCallerContext caller, HubCallerClients clients) {
        return clients.caller().send("welcome", caller.connectionId());
    }

    public Mono<Void> addToGroup(String connectionId, String group, GroupManager groups) {
        return groups.addToGroup(connectionId, group);
    }

    public Mono<Void> removeFromGroup(String connectionId, String group, GroupManager groups) {
        return groups.removeFromGroup(connectionId, group);
    }

    public Mono<Void> sendAll(String text, HubCallerClients clients) {
        return clients.all().send("m", text);
    }

    public Mono<Void> sendAllExcept(String text, List<String> excluded, HubCallerClients clients) {
        return clients.allExcept(excluded).send("m", text);
    }

    public Mono<Void> sendClient(String connectionId, String text, HubCallerClients clients) {
        return clients.client(connectionId).send("m", text);
    }

    public Mono<Void> sendClients(List<String> connectionIds, String text, HubCallerClients clients) {
        return clients.clients(connectionIds).send("m", text);
    }

    public Mono<Void> sendGroup(String group, String text, HubCallerClients clients) {
        return clients.group(group).send("m", text);
    }

    public Mono<Void> sendGroups(List<String> groups, String text, HubCallerClients clients) {
        return clients.groups(groups).send("m", text);
    }

    public Mono<Void> sendGroupExcept(String group, String text, List<String> excluded, HubCallerClients clients) {
        return clients.groupExcept(group, excluded).send("m", text);
    }

    public Mono<Void> sendUser(String user, String text, HubCallerClients clients) {
        return clients.user(user).send("m", text);
    }

    public Mono<Void> sendUsers(List<String> users, String text, HubCallerClients clients) {
        return clients.users(users).send("m", text);
    }

    public Mono<Void> sendOthers(String text, HubCallerClients clients) {
        return clients.others().send("m", text);
    }

    public Mono<Void> sendOthersInGroup(String group, String text, HubCallerClients clients) {
        return clients.othersInGroup(group).send("m", text);
    }

    /** A client result from a connection that may live on another server. */
    public Mono<Integer> ask(String connectionId, int value, HubCallerClients clients) {
        return clients.client(connectionId).invoke(Integer.class, "compute", value);
    }
}
