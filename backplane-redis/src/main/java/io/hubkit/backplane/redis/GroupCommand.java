package io.hubkit.backplane.redis;

import java.util.Objects;

/**
 * A request, published on the hub's {@code internal:groups} channel, that the server owning
 * {@code connectionId} add it to or remove it from {@code groupName}, then acknowledge {@code id}
 * on the {@code internal:ack:{serverName}} channel of the sender. Immutable.
 */
public record GroupCommand(int id, String serverName, GroupAction action, String groupName, String connectionId) {

    public GroupCommand {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(connectionId, "connectionId");
    }
}
