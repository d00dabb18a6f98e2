package io.hubkit.backplane.service.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * A client's result for a {@link ClientInvocationMessage}, routed to the server that invoked it.
 *
 * <p>Type 35; wire layout {@code [35, invocationId, connectionId, callerServerId, protocol, payload,
 * extensions]}; the reader also accepts the shorter arrays of older peers, ending after {@code payload},
 * and ignores elements after the last known one. Immutable value.
 *
 * @param invocationId the id of the client invocation
 * @param connectionId the id of the client connection
 * @param callerServerId the id of the app server that made the invocation
 * @param protocol the hub protocol of {@code payload}; also written as the {@code protocol} extension
 * @param payload the client's completion message, framed in {@code protocol}; not copied
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record ClientCompletionMessage(
        String invocationId,
        String connectionId,
        String callerServerId,
        String protocol,
        byte[] payload,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public ClientCompletionMessage {
        invocationId = Objects.requireNonNull(invocationId, "invocationId");
        connectionId = Objects.requireNonNull(connectionId, "connectionId");
        callerServerId = Objects.requireNonNull(callerServerId, "callerServerId");
        protocol = Objects.requireNonNull(protocol, "protocol");
        payload = Objects.requireNonNull(payload, "payload");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
        if (extensions.protocol() == null) {
            extensions = extensions.withProtocol(protocol);
        }
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CLIENT_COMPLETION;
    }

    static ClientCompletionMessage read(ServiceFieldReader in) {
        String invocationId = in.readId("invocationId");
        String connectionId = in.readId("connectionId");
        String callerServerId = in.readId("callerServerId");
        String protocol = in.readId("protocol");
        byte[] payload = in.readRequiredBinary("payload");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new ClientCompletionMessage(invocationId, connectionId, callerServerId, protocol, payload, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(7);
        out.writeInt(typeId());
        out.writeString(invocationId);
        out.writeString(connectionId);
        out.writeString(callerServerId);
        out.writeString(protocol);
        out.writeBinary(payload);
        out.writeExtensions(extensions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientCompletionMessage that
                && java.util.Objects.equals(invocationId, that.invocationId)
                && java.util.Objects.equals(connectionId, that.connectionId)
                && java.util.Objects.equals(callerServerId, that.callerServerId)
                && java.util.Objects.equals(protocol, that.protocol)
                && Arrays.equals(payload, that.payload)
                && java.util.Objects.equals(extensions, that.extensions);
    }

    @Override
    public int hashCode() {
        int hash = 0;
        hash = 31 * hash + java.util.Objects.hashCode(invocationId);
        hash = 31 * hash + java.util.Objects.hashCode(connectionId);
        hash = 31 * hash + java.util.Objects.hashCode(callerServerId);
        hash = 31 * hash + java.util.Objects.hashCode(protocol);
        hash = 31 * hash + Arrays.hashCode(payload);
        hash = 31 * hash + java.util.Objects.hashCode(extensions);
        return hash;
    }

    @Override
    public String toString() {
        return "ClientCompletionMessage["
                + "invocationId=" + invocationId
                + ", connectionId=" + connectionId
                + ", callerServerId=" + callerServerId
                + ", protocol=" + protocol
                + ", payload=" + (payload == null ? "null" : payload.length + " bytes")
                + ", extensions=" + extensions + "]";
    }
}
