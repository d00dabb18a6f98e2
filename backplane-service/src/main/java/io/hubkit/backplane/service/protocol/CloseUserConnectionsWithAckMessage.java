package io.hubkit.backplane.service.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Close every connection of a user except the listed ones, and acknowledge.
 *
 * <p>Type 32; wire layout {@code [32, userId, reason, ackId, excludedList, extensions]}; the reader also
 * accepts the shorter arrays of older peers, ending after {@code ackId}, and ignores elements after the
 * last known one. Immutable value.
 *
 * @param userId the user id
 * @param reason the close reason given to the clients, or {@code null}
 * @param ackId the id the service echoes in its {@link AckMessage}
 * @param excludedList connection ids to keep open
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record CloseUserConnectionsWithAckMessage(
        String userId,
        String reason,
        int ackId,
        List<String> excludedList,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public CloseUserConnectionsWithAckMessage {
        userId = Objects.requireNonNull(userId, "userId");
        excludedList = ServiceValues.strings(excludedList);
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CLOSE_USER_CONNECTIONS_WITH_ACK;
    }

    static CloseUserConnectionsWithAckMessage read(ServiceFieldReader in) {
        String userId = in.readId("userId");
        String reason = in.readString("reason");
        int ackId = in.readInt("ackId");
        List<String> excludedList = in.hasMore() ? in.readStringList("excludedList") : List.of();
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new CloseUserConnectionsWithAckMessage(userId, reason, ackId, excludedList, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(6);
        out.writeInt(typeId());
        out.writeString(userId);
        out.writeString(reason);
        out.writeInt(ackId);
        out.writeStringList(excludedList);
        out.writeExtensions(extensions);
    }
}
