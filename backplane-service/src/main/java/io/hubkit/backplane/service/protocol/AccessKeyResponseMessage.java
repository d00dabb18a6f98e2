package io.hubkit.backplane.service.protocol;

/**
 * The service's answer to an {@link AccessKeyRequestMessage}: a key, or an error.
 *
 * <p>Type 29; wire layout {@code [29, kid, accessKey, errorType, errorMessage, extensions]}; the reader
 * also accepts the shorter arrays of older peers, ending after {@code accessKey}, and ignores elements
 * after the last known one. Immutable value.
 *
 * @param kid the key id, or {@code null}
 * @param accessKey the key, or {@code null}
 * @param errorType the error type, or {@code null}
 * @param errorMessage the error, or {@code null}
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record AccessKeyResponseMessage(
        String kid,
        String accessKey,
        String errorType,
        String errorMessage,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public AccessKeyResponseMessage {
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.ACCESS_KEY_RESPONSE;
    }

    static AccessKeyResponseMessage read(ServiceFieldReader in) {
        String kid = in.readString("kid");
        String accessKey = in.readString("accessKey");
        String errorType = in.hasMore() ? in.readString("errorType") : null;
        String errorMessage = in.hasMore() ? in.readString("errorMessage") : null;
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new AccessKeyResponseMessage(kid, accessKey, errorType, errorMessage, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(6);
        out.writeInt(typeId());
        out.writeString(kid);
        out.writeString(accessKey);
        out.writeString(errorType);
        out.writeString(errorMessage);
        out.writeExtensions(extensions);
    }
}
