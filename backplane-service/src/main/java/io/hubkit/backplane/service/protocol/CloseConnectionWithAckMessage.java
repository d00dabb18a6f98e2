package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * Close one client connection and acknowledge (obsolete in the reference SDK, still understood).
 *
 * <p>Type 30; wire layout {@code [30, connectionId, reason, ackId, extensions]}; the reader also accepts
 * the shorter arrays of older peers, ending after {@code ackId}, and ignores elements after the last known
 * one. Immutable value.
 *
 * @param connectionId the id of the client connection
 * @param reason the close reason given to the clients, or {@code null}
 * @param ackId the id the service echoes in its {@link AckMessage}
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record CloseConnectionWithAckMessage(
        String connectionId,
        String reason,
        int ackId,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public CloseConnectionWithAckMessage {
        connectionId = Objects.requireNonNull(connectionId, "connectionId");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CLOSE_CONNECTION_WITH_ACK;
    }

    static CloseConnectionWithAckMessage read(ServiceFieldReader in) {
        String connectionId = in.readId("connectionId");
        String reason = in.readString("reason");
        int ackId = in.readInt("ackId");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new CloseConnectionWithAckMessage(connectionId, reason, ackId, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(5);
        out.writeInt(typeId());
        out.writeString(connectionId);
        out.writeString(reason);
        out.writeInt(ackId);
        out.writeExtensions(extensions);
    }
}
