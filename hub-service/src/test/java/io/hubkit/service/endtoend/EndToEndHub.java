package io.hubkit.service.endtoend;

import io.hubkit.core.annotation.OnConnected;
import io.hubkit.core.context.GroupManager;
import io.hubkit.core.context.HubCallerClients;
import io.hubkit.core.context.HubCallerContext;
import io.hubkit.spring.Hub;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import reactor.core.publisher.Mono;

/**
 * The app servers' hub in the end-to-end tests: every routing call on behalf of a client, so that
 * a script can drive each of them from a client of either app server, and {@code server()} to learn
 * which app server the service routed a client to. Messages go to the client method {@code m}.
 * It needs no other bean (the hub-service's own test contexts may pick it up and serve it, harmlessly).
 */
@Hub("/hubs/scale")
public class EndToEndHub {

    private final String serverName;

    public EndToEndHub(@Value("${endtoend.server-name:unnamed}") String serverName) {
        this.serverName = serverName;
    }

    /** Tells the client its id once the backplane registered it. */
    @OnConnected
    public Mono<Void> connected(HubCallerContext caller, HubCallerClients clients) {
        return clients.caller().send("welcome", caller.connectionId());
    }

    /** The app server running this client's connection. */
    public String server() {
        return serverName;
    }

    /** The user id the hub sees for the caller. */
    public String user(HubCallerContext caller) {
        return caller.userIdentifier();
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

    /** A client result from a connection that may be routed to the other app server. */
    public Mono<Integer> ask(String connectionId, int value, HubCallerClients clients) {
        return clients.client(connectionId).invoke(Integer.class, "compute", value);
    }
}
