package io.hubkit.core.context;

import io.hubkit.core.backplane.Backplane;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * {@link HubClients} on top of a {@link Backplane}: each proxy's send is one backplane call, so it
 * reaches the hub's clients on every server. Immutable and thread-safe; proxies are cheap and may
 * be created per call. Collections passed in are copied.
 */
public final class BackplaneHubClients implements HubClients {

    private final Backplane backplane;
    private final Duration clientResultTimeout;
    private final ClientProxy all;

    /**
     * @param backplane           the hub's backplane
     * @param clientResultTimeout how long {@link SingleClientProxy#invoke} waits for a client result
     */
    public BackplaneHubClients(Backplane backplane, Duration clientResultTimeout) {
        this.backplane = Objects.requireNonNull(backplane, "backplane");
        this.clientResultTimeout = Objects.requireNonNull(clientResultTimeout, "clientResultTimeout");
        this.all = new BackplaneClientProxy(backplane::sendAll);
    }

    @Override
    public ClientProxy all() {
        return all;
    }

    @Override
    public ClientProxy allExcept(Collection<String> excludedConnectionIds) {
        List<String> excluded = List.copyOf(excludedConnectionIds);
        return new BackplaneClientProxy((method, args) -> backplane.sendAllExcept(method, args, excluded));
    }

    @Override
    public SingleClientProxy client(String connectionId) {
        return new BackplaneSingleClientProxy(backplane, Objects.requireNonNull(connectionId, "connectionId"),
                clientResultTimeout);
    }

    @Override
    public ClientProxy clients(Collection<String> connectionIds) {
        List<String> ids = List.copyOf(connectionIds);
        return new BackplaneClientProxy((method, args) -> backplane.sendConnections(ids, method, args));
    }

    @Override
    public ClientProxy group(String groupName) {
        Objects.requireNonNull(groupName, "groupName");
        return new BackplaneClientProxy((method, args) -> backplane.sendGroup(groupName, method, args));
    }

    @Override
    public ClientProxy groups(Collection<String> groupNames) {
        List<String> names = List.copyOf(groupNames);
        return new BackplaneClientProxy((method, args) -> backplane.sendGroups(names, method, args));
    }

    @Override
    public ClientProxy groupExcept(String groupName, Collection<String> excludedConnectionIds) {
        Objects.requireNonNull(groupName, "groupName");
        List<String> excluded = List.copyOf(excludedConnectionIds);
        return new BackplaneClientProxy((method, args) -> backplane.sendGroupExcept(groupName, method, args, excluded));
    }

    @Override
    public ClientProxy user(String userId) {
        Objects.requireNonNull(userId, "userId");
        return new BackplaneClientProxy((method, args) -> backplane.sendUser(userId, method, args));
    }

    @Override
    public ClientProxy users(Collection<String> userIds) {
        List<String> ids = List.copyOf(userIds);
        return new BackplaneClientProxy((method, args) -> backplane.sendUsers(ids, method, args));
    }
}
