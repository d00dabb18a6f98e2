package io.hubkit.backplane.service.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Close every connection of a group except the listed ones, and acknowledge.
 *
 * <p>Type 33; wire layout {@code [33, groupName, reason, ackId, excludedList, extensions]}; the reader also
 * accepts the shorter arrays of older peers, ending after {@code ackId}, and ignores elements after the
 * last known one. Immutable value.
 *
 * @param groupName the group
 * @param reason the close reason given to the clients, or {@code null}
 * @param ackId the id the service echoes in its {@link AckMessage}
 * @param excludedList connection ids to keep open
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record CloseGroupConnectionsWithAckMessage(
        String groupName,
        String reason,
        int ackId,
        List<String> excludedList,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public CloseGroupConnectionsWithAckMessage {
        groupName = Objects.requireNonNull(groupName, "groupName");
        excludedList = ServiceValues.strings(excludedList);
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CLOSE_GROUP_CONNECTIONS_WITH_ACK;
    }

    static CloseGroupConnectionsWithAckMessage read(ServiceFieldReader in) {
        String groupName = in.readId("groupName");
        String reason = in.readString("reason");
        int ackId = in.readInt("ackId");
        List<String> excludedList = in.hasMore() ? in.readStringList("excludedList") : List.of();
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new CloseGroupConnectionsWithAckMessage(groupName, reason, ackId, excludedList, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(6);
        out.writeInt(typeId());
        out.writeString(groupName);
        out.writeString(reason);
        out.writeInt(ackId);
        out.writeStringList(excludedList);
        out.writeExtensions(extensions);
    }
}
