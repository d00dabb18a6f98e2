package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * Ask whether a user has connections; the {@link AckMessage} status is Ok or NotFound.
 *
 * <p>Type 25; wire layout {@code [25, userId, ackId, extensions]}; the reader also accepts the shorter
 * arrays of older peers, ending after {@code ackId}, and ignores elements after the last known one.
 * Immutable value.
 *
 * @param userId the user id
 * @param ackId the id the service echoes in its {@link AckMessage}
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record CheckUserExistenceWithAckMessage(
        String userId,
        int ackId,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public CheckUserExistenceWithAckMessage {
        userId = Objects.requireNonNull(userId, "userId");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CHECK_USER_EXISTENCE_WITH_ACK;
    }

    static CheckUserExistenceWithAckMessage read(ServiceFieldReader in) {
        String userId = in.readId("userId");
        int ackId = in.readInt("ackId");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new CheckUserExistenceWithAckMessage(userId, ackId, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeString(userId);
        out.writeInt(ackId);
        out.writeExtensions(extensions);
    }
}
