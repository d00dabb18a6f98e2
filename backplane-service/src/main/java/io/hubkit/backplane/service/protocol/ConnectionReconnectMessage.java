package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * A client reconnected statefully: the server drops any partially received data of it, service → server.
 *
 * <p>Type 38; wire layout {@code [38, connectionId, extensions]}; the reader also accepts the shorter
 * arrays of older peers, ending after {@code connectionId}, and ignores elements after the last known one.
 * Immutable value.
 *
 * @param connectionId the id of the client connection
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record ConnectionReconnectMessage(
        String connectionId,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public ConnectionReconnectMessage {
        connectionId = Objects.requireNonNull(connectionId, "connectionId");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CONNECTION_RECONNECT;
    }

    static ConnectionReconnectMessage read(ServiceFieldReader in) {
        String connectionId = in.readId("connectionId");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new ConnectionReconnectMessage(connectionId, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(3);
        out.writeInt(typeId());
        out.writeString(connectionId);
        out.writeExtensions(extensions);
    }
}
