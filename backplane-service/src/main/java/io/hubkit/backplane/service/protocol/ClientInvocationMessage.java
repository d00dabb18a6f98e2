package io.hubkit.backplane.service.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * A server invokes a method on a client and waits for its result (the service routes the completion back to
 * {@code callerServerId}).
 *
 * <p>Type 34; wire layout {@code [34, invocationId, connectionId, callerServerId, payloads, extensions]};
 * the reader also accepts the shorter arrays of older peers, ending after {@code payloads}, and ignores
 * elements after the last known one. Immutable value.
 *
 * @param invocationId the id of the client invocation
 * @param connectionId the id of the client connection
 * @param callerServerId the id of the app server that made the invocation
 * @param payloads protocol name ({@code json}, {@code messagepack}, …) to the fully framed hub message for
 *        clients of that protocol; keys are looked up case-insensitively
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record ClientInvocationMessage(
        String invocationId,
        String connectionId,
        String callerServerId,
        Map<String, byte[]> payloads,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public ClientInvocationMessage {
        invocationId = Objects.requireNonNull(invocationId, "invocationId");
        connectionId = Objects.requireNonNull(connectionId, "connectionId");
        callerServerId = Objects.requireNonNull(callerServerId, "callerServerId");
        payloads = PayloadMap.copyOf(payloads);
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CLIENT_INVOCATION;
    }

    static ClientInvocationMessage read(ServiceFieldReader in) {
        String invocationId = in.readId("invocationId");
        String connectionId = in.readId("connectionId");
        String callerServerId = in.readId("callerServerId");
        Map<String, byte[]> payloads = in.readPayloads("payloads");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new ClientInvocationMessage(invocationId, connectionId, callerServerId, payloads, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(6);
        out.writeInt(typeId());
        out.writeString(invocationId);
        out.writeString(connectionId);
        out.writeString(callerServerId);
        out.writePayloads(payloads);
        out.writeExtensions(extensions);
    }
}
