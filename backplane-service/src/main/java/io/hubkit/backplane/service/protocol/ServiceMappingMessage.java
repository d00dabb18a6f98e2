package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * Tells a server which service instance holds the client of a pending client invocation, service → server.
 *
 * <p>Type 37; wire layout {@code [37, invocationId, connectionId, instanceId, extensions]}; the reader also
 * accepts the shorter arrays of older peers, ending after {@code instanceId}, and ignores elements after
 * the last known one. Immutable value.
 *
 * @param invocationId the id of the client invocation
 * @param connectionId the id of the client connection
 * @param instanceId the service instance
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record ServiceMappingMessage(
        String invocationId,
        String connectionId,
        String instanceId,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public ServiceMappingMessage {
        invocationId = Objects.requireNonNull(invocationId, "invocationId");
        connectionId = Objects.requireNonNull(connectionId, "connectionId");
        instanceId = Objects.requireNonNull(instanceId, "instanceId");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.SERVICE_MAPPING;
    }

    static ServiceMappingMessage read(ServiceFieldReader in) {
        String invocationId = in.readId("invocationId");
        String connectionId = in.readId("connectionId");
        String instanceId = in.readId("instanceId");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new ServiceMappingMessage(invocationId, connectionId, instanceId, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(5);
        out.writeInt(typeId());
        out.writeString(invocationId);
        out.writeString(connectionId);
        out.writeString(instanceId);
        out.writeExtensions(extensions);
    }
}
