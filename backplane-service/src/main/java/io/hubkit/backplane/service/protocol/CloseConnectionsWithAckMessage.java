package io.hubkit.backplane.service.protocol;

import java.util.List;

/**
 * Close every client connection of the hub except the listed ones, and acknowledge (obsolete in the
 * reference SDK, still understood).
 *
 * <p>Type 31; wire layout {@code [31, reason, ackId, excludedList, extensions]}; the reader also accepts
 * the shorter arrays of older peers, ending after {@code ackId}, and ignores elements after the last known
 * one. Immutable value.
 *
 * @param reason the close reason given to the clients, or {@code null}
 * @param ackId the id the service echoes in its {@link AckMessage}
 * @param excludedList connection ids to keep open
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record CloseConnectionsWithAckMessage(
        String reason,
        int ackId,
        List<String> excludedList,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public CloseConnectionsWithAckMessage {
        excludedList = ServiceValues.strings(excludedList);
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CLOSE_CONNECTIONS_WITH_ACK;
    }

    static CloseConnectionsWithAckMessage read(ServiceFieldReader in) {
        String reason = in.readString("reason");
        int ackId = in.readInt("ackId");
        List<String> excludedList = in.hasMore() ? in.readStringList("excludedList") : List.of();
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new CloseConnectionsWithAckMessage(reason, ackId, excludedList, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(5);
        out.writeInt(typeId());
        out.writeString(reason);
        out.writeInt(ackId);
        out.writeStringList(excludedList);
        out.writeExtensions(extensions);
    }
}
