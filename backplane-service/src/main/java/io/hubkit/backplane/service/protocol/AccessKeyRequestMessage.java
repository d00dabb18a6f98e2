package io.hubkit.backplane.service.protocol;

/**
 * Ask the service for a signing key with an Entra ID token (Entra ID authentication only), server →
 * service.
 *
 * <p>Type 28; wire layout {@code [28, token, kid, extensions]}; the reader also accepts the shorter arrays
 * of older peers, ending after {@code token}, and ignores elements after the last known one. Immutable
 * value.
 *
 * @param token the Entra ID token
 * @param kid the id of the key wanted, or {@code null}
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record AccessKeyRequestMessage(
        String token,
        String kid,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public AccessKeyRequestMessage {
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.ACCESS_KEY_REQUEST;
    }

    static AccessKeyRequestMessage read(ServiceFieldReader in) {
        String token = in.readString("token");
        String kid = in.hasMore() ? in.readString("kid") : null;
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new AccessKeyRequestMessage(token, kid, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeString(token);
        out.writeString(kid);
        out.writeExtensions(extensions);
    }
}
