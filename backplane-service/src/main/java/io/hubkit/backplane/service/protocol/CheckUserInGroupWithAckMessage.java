package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * Ask whether a user is in a group; the {@link AckMessage} status is Ok or NotFound.
 *
 * <p>Type 21; wire layout {@code [21, userId, groupName, ackId, extensions]}; the reader also accepts the
 * shorter arrays of older peers, ending after {@code ackId}, and ignores elements after the last known one.
 * Immutable value.
 *
 * @param userId the user id
 * @param groupName the group
 * @param ackId the id the service echoes in its {@link AckMessage}
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record CheckUserInGroupWithAckMessage(
        String userId,
        String groupName,
        int ackId,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public CheckUserInGroupWithAckMessage {
        userId = Objects.requireNonNull(userId, "userId");
        groupName = Objects.requireNonNull(groupName, "groupName");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CHECK_USER_IN_GROUP_WITH_ACK;
    }

    static CheckUserInGroupWithAckMessage read(ServiceFieldReader in) {
        String userId = in.readId("userId");
        String groupName = in.readId("groupName");
        int ackId = in.readInt("ackId");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new CheckUserInGroupWithAckMessage(userId, groupName, ackId, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(5);
        out.writeInt(typeId());
        out.writeString(userId);
        out.writeString(groupName);
        out.writeInt(ackId);
        out.writeExtensions(extensions);
    }
}
