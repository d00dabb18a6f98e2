package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * Add a user (all its present and future connections) to a group, server → service.
 *
 * <p>Type 16; wire layout {@code [16, userId, groupName, extensions]}; the reader also accepts the shorter
 * arrays of older peers, ending after {@code groupName}, and ignores elements after the last known one.
 * Immutable value.
 *
 * @param userId the user id
 * @param groupName the group
 * @param extensions the optional members: tracing id and {@code ttl} (seconds of membership)
 */
public record UserJoinGroupMessage(
        String userId,
        String groupName,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public UserJoinGroupMessage {
        userId = Objects.requireNonNull(userId, "userId");
        groupName = Objects.requireNonNull(groupName, "groupName");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.USER_JOIN_GROUP;
    }

    static UserJoinGroupMessage read(ServiceFieldReader in) {
        String userId = in.readId("userId");
        String groupName = in.readId("groupName");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new UserJoinGroupMessage(userId, groupName, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeString(userId);
        out.writeString(groupName);
        out.writeExtensions(extensions);
    }
}
