package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * Ask whether a connection exists; the {@link AckMessage} status is Ok or NotFound.
 *
 * <p>Type 24; wire layout {@code [24, connectionId, ackId, extensions]}; the reader also accepts the
 * shorter arrays of older peers, ending after {@code ackId}, and ignores elements after the last known one.
 * Immutable value.
 *
 * @param connectionId the id of the client connection
 * @param ackId the id the service echoes in its {@link AckMessage}
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record CheckConnectionExistenceWithAckMessage(
        String connectionId,
        int ackId,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public CheckConnectionExistenceWithAckMessage {
        connectionId = Objects.requireNonNull(connectionId, "connectionId");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CHECK_CONNECTION_EXISTENCE_WITH_ACK;
    }

    static CheckConnectionExistenceWithAckMessage read(ServiceFieldReader in) {
        String connectionId = in.readId("connectionId");
        int ackId = in.readInt("ackId");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new CheckConnectionExistenceWithAckMessage(connectionId, ackId, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeString(connectionId);
        out.writeInt(ackId);
        out.writeExtensions(extensions);
    }
}
