package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * Remove a connection from a group; the service answers with an {@link AckMessage}.
 *
 * <p>Type 19; wire layout {@code [19, connectionId, groupName, ackId, extensions]}; the reader also accepts
 * the shorter arrays of older peers, ending after {@code ackId}, and ignores elements after the last known
 * one. Immutable value.
 *
 * @param connectionId the id of the client connection
 * @param groupName the group
 * @param ackId the id the service echoes in its {@link AckMessage}
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record LeaveGroupWithAckMessage(
        String connectionId,
        String groupName,
        int ackId,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public LeaveGroupWithAckMessage {
        connectionId = Objects.requireNonNull(connectionId, "connectionId");
        groupName = Objects.requireNonNull(groupName, "groupName");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.LEAVE_GROUP_WITH_ACK;
    }

    static LeaveGroupWithAckMessage read(ServiceFieldReader in) {
        String connectionId = in.readId("connectionId");
        String groupName = in.readId("groupName");
        int ackId = in.readInt("ackId");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new LeaveGroupWithAckMessage(connectionId, groupName, ackId, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(5);
        out.writeInt(typeId());
        out.writeString(connectionId);
        out.writeString(groupName);
        out.writeInt(ackId);
        out.writeExtensions(extensions);
    }
}
