package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * A client invocation failed (client gone, timed out, …).
 *
 * <p>Type 36; wire layout {@code [36, invocationId, connectionId, callerServerId, error, extensions]}; the
 * reader also accepts the shorter arrays of older peers, ending after {@code error}, and ignores elements
 * after the last known one. Immutable value.
 *
 * @param invocationId the id of the client invocation
 * @param connectionId the id of the client connection
 * @param callerServerId the id of the app server that made the invocation
 * @param error the error text
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record ErrorCompletionMessage(
        String invocationId,
        String connectionId,
        String callerServerId,
        String error,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public ErrorCompletionMessage {
        invocationId = Objects.requireNonNull(invocationId, "invocationId");
        connectionId = Objects.requireNonNull(connectionId, "connectionId");
        callerServerId = Objects.requireNonNull(callerServerId, "callerServerId");
        error = error == null ? "" : error;
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.ERROR_COMPLETION;
    }

    static ErrorCompletionMessage read(ServiceFieldReader in) {
        String invocationId = in.readId("invocationId");
        String connectionId = in.readId("connectionId");
        String callerServerId = in.readId("callerServerId");
        String error = in.readString("error");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new ErrorCompletionMessage(invocationId, connectionId, callerServerId, error, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(6);
        out.writeInt(typeId());
        out.writeString(invocationId);
        out.writeString(connectionId);
        out.writeString(callerServerId);
        out.writeString(error);
        out.writeExtensions(extensions);
    }
}
