package io.hubkit.core.context;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * {@link HubCallerClients} of one connection: the hub's clients plus the caller, everyone but the
 * caller, and a group without the caller. Immutable and thread-safe; one per connection.
 */
public final class ConnectionCallerClients implements HubCallerClients {

    private final HubClients clients;
    private final String connectionId;
    private final SingleClientProxy caller;
    private final ClientProxy others;

    public ConnectionCallerClients(HubClients clients, String connectionId) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
        this.caller = clients.client(connectionId);
        this.others = clients.allExcept(List.of(connectionId));
    }

    @Override
    public SingleClientProxy caller() {
        return caller;
    }

    @Override
    public ClientProxy others() {
        return others;
    }

    @Override
    public ClientProxy othersInGroup(String groupName) {
        return clients.groupExcept(groupName, List.of(connectionId));
    }

    @Override
    public ClientProxy all() {
        return clients.all();
    }

    @Override
    public ClientProxy allExcept(Collection<String> excludedConnectionIds) {
        return clients.allExcept(excludedConnectionIds);
    }

    @Override
    public SingleClientProxy client(String connectionId) {
        return clients.client(connectionId);
    }

    @Override
    public ClientProxy clients(Collection<String> connectionIds) {
        return clients.clients(connectionIds);
    }

    @Override
    public ClientProxy group(String groupName) {
        return clients.group(groupName);
    }

    @Override
    public ClientProxy groups(Collection<String> groupNames) {
        return clients.groups(groupNames);
    }

    @Override
    public ClientProxy groupExcept(String groupName, Collection<String> excludedConnectionIds) {
        return clients.groupExcept(groupName, excludedConnectionIds);
    }

    @Override
    public ClientProxy user(String userId) {
        return clients.user(userId);
    }

    @Override
    public ClientProxy users(Collection<String> userIds) {
        return clients.users(userIds);
    }
}
