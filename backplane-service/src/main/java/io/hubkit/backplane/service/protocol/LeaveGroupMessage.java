package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * Remove a connection from a group without waiting for an acknowledgement, server → service.
 *
 * <p>Type 12; wire layout {@code [12, connectionId, groupName, extensions]}; the reader also accepts the
 * shorter arrays of older peers, ending after {@code groupName}, and ignores elements after the last known
 * one. Immutable value.
 *
 * @param connectionId the id of the client connection
 * @param groupName the group
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record LeaveGroupMessage(
        String connectionId,
        String groupName,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public LeaveGroupMessage {
        connectionId = Objects.requireNonNull(connectionId, "connectionId");
        groupName = Objects.requireNonNull(groupName, "groupName");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.LEAVE_GROUP;
    }

    static LeaveGroupMessage read(ServiceFieldReader in) {
        String connectionId = in.readId("connectionId");
        String groupName = in.readId("groupName");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new LeaveGroupMessage(connectionId, groupName, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeString(connectionId);
        out.writeString(groupName);
        out.writeExtensions(extensions);
    }
}
