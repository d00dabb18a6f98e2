package io.hubkit.backplane.service.protocol;

/**
 * The service tells the server about an object, e.g. that a user it sent to does not exist.
 *
 * <p>Type 22; wire layout {@code [22, objectType, id, eventKind, message, extensions]}; the reader also
 * accepts the shorter arrays of older peers, ending after {@code message}, and ignores elements after the
 * last known one. Immutable value.
 *
 * @param objectType a {@link ServiceEventObjectType} code
 * @param id the id of the object
 * @param eventKind a {@link ServiceEventKind} code
 * @param message a human-readable description
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record ServiceEventMessage(
        int objectType,
        String id,
        int eventKind,
        String message,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public ServiceEventMessage {
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.SERVICE_EVENT;
    }

    static ServiceEventMessage read(ServiceFieldReader in) {
        int objectType = in.readInt("objectType");
        String id = in.readString("id");
        int eventKind = in.readInt("eventKind");
        String message = in.readString("message");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new ServiceEventMessage(objectType, id, eventKind, message, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(6);
        out.writeInt(typeId());
        out.writeInt(objectType);
        out.writeString(id);
        out.writeInt(eventKind);
        out.writeString(message);
        out.writeExtensions(extensions);
    }
}
