package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * Add a user to a group; the service answers with an {@link AckMessage}.
 *
 * <p>Type 26; wire layout {@code [26, userId, groupName, ackId, extensions]}; the reader also accepts the
 * shorter arrays of older peers, ending after {@code ackId}, and ignores elements after the last known one.
 * Immutable value.
 *
 * @param userId the user id
 * @param groupName the group
 * @param ackId the id the service echoes in its {@link AckMessage}
 * @param extensions the optional members: tracing id and {@code ttl} (seconds of membership)
 */
public record UserJoinGroupWithAckMessage(
        String userId,
        String groupName,
        int ackId,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public UserJoinGroupWithAckMessage {
        userId = Objects.requireNonNull(userId, "userId");
        groupName = Objects.requireNonNull(groupName, "groupName");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.USER_JOIN_GROUP_WITH_ACK;
    }

    static UserJoinGroupWithAckMessage read(ServiceFieldReader in) {
        String userId = in.readId("userId");
        String groupName = in.readId("groupName");
        int ackId = in.readInt("ackId");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new UserJoinGroupWithAckMessage(userId, groupName, ackId, extensions);
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
