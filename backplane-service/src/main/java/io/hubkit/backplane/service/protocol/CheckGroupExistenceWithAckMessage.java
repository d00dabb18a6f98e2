package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * Ask whether a group has connections; the {@link AckMessage} status is Ok or NotFound.
 *
 * <p>Type 23; wire layout {@code [23, groupName, ackId, extensions]}; the reader also accepts the shorter
 * arrays of older peers, ending after {@code ackId}, and ignores elements after the last known one.
 * Immutable value.
 *
 * @param groupName the group
 * @param ackId the id the service echoes in its {@link AckMessage}
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record CheckGroupExistenceWithAckMessage(
        String groupName,
        int ackId,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public CheckGroupExistenceWithAckMessage {
        groupName = Objects.requireNonNull(groupName, "groupName");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CHECK_GROUP_EXISTENCE_WITH_ACK;
    }

    static CheckGroupExistenceWithAckMessage read(ServiceFieldReader in) {
        String groupName = in.readId("groupName");
        int ackId = in.readInt("ackId");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new CheckGroupExistenceWithAckMessage(groupName, ackId, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeString(groupName);
        out.writeInt(ackId);
        out.writeExtensions(extensions);
    }
}
