package io.hubkit.backplane.service.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client connection ends: the service reports that the client left, or the server closes the client.
 *
 * <p>Type 5; wire layout {@code [5, connectionId, errorMessage, headers, extensions]}; the reader also
 * accepts the shorter arrays of older peers, ending after {@code errorMessage}, and ignores elements after
 * the last known one. Immutable value.
 *
 * @param connectionId the id of the client connection
 * @param errorMessage the error, {@code ""} for a normal close (nil on the wire reads as {@code ""})
 * @param headers extra headers, e.g. {@code Asrs-Migrate-To}
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record CloseConnectionMessage(
        String connectionId,
        String errorMessage,
        Map<String, List<String>> headers,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public CloseConnectionMessage {
        connectionId = Objects.requireNonNull(connectionId, "connectionId");
        errorMessage = errorMessage == null ? "" : errorMessage;
        headers = ServiceValues.headers(headers);
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.CLOSE_CONNECTION;
    }

    static CloseConnectionMessage read(ServiceFieldReader in) {
        String connectionId = in.readId("connectionId");
        String errorMessage = in.readString("errorMessage");
        Map<String, List<String>> headers = in.hasMore() ? in.readHeaders("headers") : Map.of();
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new CloseConnectionMessage(connectionId, errorMessage, headers, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(5);
        out.writeInt(typeId());
        out.writeString(connectionId);
        out.writeString(errorMessage);
        out.writeHeaders(headers);
        out.writeExtensions(extensions);
    }
}
