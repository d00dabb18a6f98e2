package io.hubkit.core.context;

import io.hubkit.core.backplane.Backplane;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** A {@link GroupManager} that changes membership through the hub's {@link Backplane}. Thread-safe. */
public final class BackplaneGroupManager implements GroupManager {

    private final Backplane backplane;

    public BackplaneGroupManager(Backplane backplane) {
        this.backplane = Objects.requireNonNull(backplane, "backplane");
    }

    @Override
    public Mono<Void> addToGroup(String connectionId, String groupName) {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(groupName, "groupName");
        return Mono.defer(() -> backplane.addToGroup(connectionId, groupName));
    }

    @Override
    public Mono<Void> removeFromGroup(String connectionId, String groupName) {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(groupName, "groupName");
        return Mono.defer(() -> backplane.removeFromGroup(connectionId, groupName));
    }
}
