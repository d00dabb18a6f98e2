package io.hubkit.backplane.service.protocol;

/**
 * The service's answer to a {@link HandshakeRequestMessage}: an empty or {@code null} error means success.
 *
 * <p>Type 2; wire layout {@code [2, errorMessage, extensions, connectionId]}; the reader also accepts the
 * shorter arrays of older peers, ending after {@code errorMessage}, and ignores elements after the last
 * known one. Immutable value.
 *
 * @param errorMessage {@code ""} or {@code null} when accepted, otherwise why not
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 * @param connectionId the id the service gave this server connection, or {@code null}
 */
public record HandshakeResponseMessage(
        String errorMessage,
        ServiceExtensions extensions,
        String connectionId)
        implements ExtensibleServiceMessage {

    public HandshakeResponseMessage {
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.HANDSHAKE_RESPONSE;
    }

    static HandshakeResponseMessage read(ServiceFieldReader in) {
        String errorMessage = in.readString("errorMessage");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        String connectionId = in.hasMore() ? in.readString("connectionId") : null;
        return new HandshakeResponseMessage(errorMessage, extensions, connectionId);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeString(errorMessage);
        out.writeExtensions(extensions);
        out.writeString(connectionId);
    }
}
