package io.hubkit.backplane.service.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * Raw bytes of one client connection's SignalR stream, in either direction (the client's handshake first).
 *
 * <p>Type 6; wire layout {@code [6, connectionId, payload, extensions]}; the reader also accepts the
 * shorter arrays of older peers, ending after {@code payload}, and ignores elements after the last known
 * one. Immutable value.
 *
 * @param connectionId the id of the client connection
 * @param payload the bytes; not copied, must not be modified
 * @param extensions the optional members: tracing id, {@link DataMessageType} and {@code isPartial}
 */
public record ConnectionDataMessage(
        String connectionId,
        byte[] payload,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public ConnectionDataMessage {
        connectionId = Objects.requireNonNull(connectionId, "connectionId");
        payload = Objects.requireNonNull(payload, "payload");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CONNECTION_DATA;
    }

    static ConnectionDataMessage read(ServiceFieldReader in) {
        String connectionId = in.readId("connectionId");
        byte[] payload = in.readRequiredBinary("payload");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new ConnectionDataMessage(connectionId, payload, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeString(connectionId);
        out.writeBinary(payload);
        out.writeExtensions(extensions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectionDataMessage that
                && java.util.Objects.equals(connectionId, that.connectionId)
                && Arrays.equals(payload, that.payload)
                && java.util.Objects.equals(extensions, that.extensions);
    }

    @Override
    public int hashCode() {
        int hash = 0;
        hash = 31 * hash + java.util.Objects.hashCode(connectionId);
        hash = 31 * hash + Arrays.hashCode(payload);
        hash = 31 * hash + java.util.Objects.hashCode(extensions);
        return hash;
    }

    @Override
    public String toString() {
        return "ConnectionDataMessage["
                + "connectionId=" + connectionId
                + ", payload=" + (payload == null ? "null" : payload.length + " bytes")
                + ", extensions=" + extensions + "]";
    }
}
