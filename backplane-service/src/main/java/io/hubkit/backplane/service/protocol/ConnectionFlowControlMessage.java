package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * Flow control of one connection, both directions: the service pauses a client's outbound data
 * ({@code PAUSE}, answered by {@code PAUSE_ACK}) and resumes it, or marks a server connection
 * {@code OFFLINE} so that sends take another one.
 *
 * <p>Type 39; wire layout {@code [39, connectionId, connectionType, operation, extensions]} with both
 * numbers always written as 32-bit ints ({@code d2} and four bytes). The reader accepts any int width
 * and rejects numbers it does not know. Immutable value.
 *
 * @param connectionId the client connection, or the server connection's id
 * @param connectionType which kind of connection this is about
 * @param operation what is asked or reported
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record ConnectionFlowControlMessage(
        String connectionId,
        FlowControlConnectionType connectionType,
        FlowControlOperation operation,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public ConnectionFlowControlMessage {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(connectionType, "connectionType");
        Objects.requireNonNull(operation, "operation");
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CONNECTION_FLOW_CONTROL;
    }

    static ConnectionFlowControlMessage read(ServiceFieldReader in) {
        String connectionId = in.readId("connectionId");
        int type = in.readInt("connectionType");
        int operation = in.readInt("operation");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        try {
            return new ConnectionFlowControlMessage(connectionId, FlowControlConnectionType.of(type),
                    FlowControlOperation.of(operation), extensions);
        } catch (IllegalArgumentException e) {
            throw new ServiceProtocolException("Invalid ConnectionFlowControl message: " + e.getMessage(), e);
        }
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(5);
        out.writeInt(typeId());
        out.writeString(connectionId);
        out.writeFixedInt32(connectionType.code());
        out.writeFixedInt32(operation.code());
        out.writeExtensions(extensions);
    }
}
