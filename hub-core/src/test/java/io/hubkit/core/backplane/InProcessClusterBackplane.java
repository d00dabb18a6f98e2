package io.hubkit.core.backplane;

import io.hubkit.core.HubException;
import io.hubkit.core.connection.HubConnection;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A scale-out backplane whose "bus" is a shared in-process list of servers: every send is handed
 * to each server's {@link LocalBackplane}, group changes reach the server that holds the
 * connection, client results go to the server that holds it. A test fixture with the semantics of
 * a real bus minus the network, so that the specification's two-server cases can be shown to hold.
 */
final class InProcessClusterBackplane implements Backplane {

    /** The servers sharing one bus. */
    static final class Bus {
        private final List<LocalBackplane> servers = new CopyOnWriteArrayList<>();
    }

    private final Bus bus;
    private final LocalBackplane local;

    InProcessClusterBackplane(Bus bus, BackplaneHubContext hub) {
        this.bus = bus;
        this.local = new LocalBackplane(hub);
        bus.servers.add(local);
    }

    private Mono<Void> everywhere(Function<LocalBackplane, Mono<Void>> call) {
        return Flux.fromIterable(bus.servers).concatMap(call).then();
    }

    @Override
    public Mono<Void> onConnected(HubConnection connection) {
        return local.onConnected(connection);
    }

    @Override
    public Mono<Void> onDisconnected(HubConnection connection) {
        return local.onDisconnected(connection);
    }

    @Override
    public Mono<Void> sendAll(String method, Object[] args) {
        return everywhere(server -> server.sendAll(method, args));
    }

    @Override
    public Mono<Void> sendAllExcept(String method, Object[] args, Collection<String> excludedConnectionIds) {
        return everywhere(server -> server.sendAllExcept(method, args, excludedConnectionIds));
    }

    @Override
    public Mono<Void> sendConnection(String connectionId, String method, Object[] args) {
        return everywhere(server -> server.sendConnection(connectionId, method, args));
    }

    @Override
    public Mono<Void> sendConnections(Collection<String> connectionIds, String method, Object[] args) {
        return everywhere(server -> server.sendConnections(connectionIds, method, args));
    }

    @Override
    public Mono<Void> sendGroup(String groupName, String method, Object[] args) {
        return everywhere(server -> server.sendGroup(groupName, method, args));
    }

    @Override
    public Mono<Void> sendGroups(Collection<String> groupNames, String method, Object[] args) {
        return everywhere(server -> server.sendGroups(groupNames, method, args));
    }

    @Override
    public Mono<Void> sendGroupExcept(String groupName, String method, Object[] args,
                                      Collection<String> excludedConnectionIds) {
        return everywhere(server -> server.sendGroupExcept(groupName, method, args, excludedConnectionIds));
    }

    @Override
    public Mono<Void> sendUser(String userId, String method, Object[] args) {
        return everywhere(server -> server.sendUser(userId, method, args));
    }

    @Override
    public Mono<Void> sendUsers(Collection<String> userIds, String method, Object[] args) {
        return everywhere(server -> server.sendUsers(userIds, method, args));
    }

    @Override
    public Mono<Void> addToGroup(String connectionId, String groupName) {
        return everywhere(server -> server.addToGroup(connectionId, groupName));
    }

    @Override
    public Mono<Void> removeFromGroup(String connectionId, String groupName) {
        return everywhere(server -> server.removeFromGroup(connectionId, groupName));
    }

    @Override
    public <T> Mono<T> invokeConnection(String connectionId, String method, Object[] args, Type resultType) {
        return Mono.defer(() -> {
            for (LocalBackplane server : bus.servers) {
                if (server.connections().get(connectionId) != null) {
                    return server.invokeConnection(connectionId, method, args, resultType);
                }
            }
            return Mono.error(new HubException("Connection '" + connectionId + "' does not exist."));
        });
    }

    @Override
    public void close() {
        bus.servers.remove(local);
    }
}
