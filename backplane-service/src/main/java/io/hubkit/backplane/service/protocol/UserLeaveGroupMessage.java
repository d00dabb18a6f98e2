package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * Remove a user from a group, server → service.
 *
 * <p>Type 17; wire layout {@code [17, userId, groupName, extensions]}; the reader also accepts the shorter
 * arrays of older peers, ending after {@code groupName}, and ignores elements after the last known one.
 * Immutable value.
 *
 * @param userId the user id
 * @param groupName the group
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record UserLeaveGroupMessage(
        String userId,
        String groupName,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public UserLeaveGroupMessage {
        userId = Objects.requireNonNull(userId, "userId");
        groupName = Objects.requireNonNull(groupName, "groupName");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.USER_LEAVE_GROUP;
    }

    static UserLeaveGroupMessage read(ServiceFieldReader in) {
        String userId = in.readId("userId");
        String groupName = in.readId("groupName");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new UserLeaveGroupMessage(userId, groupName, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeString(userId);
        out.writeString(groupName);
        out.writeExtensions(extensions);
    }
}
