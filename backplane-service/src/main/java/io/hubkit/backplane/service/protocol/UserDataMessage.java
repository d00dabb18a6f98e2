package io.hubkit.backplane.service.protocol;

import java.util.Map;
import java.util.Objects;

/**
 * Send one hub message to every connection of a user, server → service.
 *
 * <p>Type 8; wire layout {@code [8, userId, payloads, extensions]}; the reader also accepts the shorter
 * arrays of older peers, ending after {@code payloads}, and ignores elements after the last known one.
 * Immutable value.
 *
 * @param userId the user id
 * @param payloads protocol name ({@code json}, {@code messagepack}, …) to the fully framed hub message for
 *        clients of that protocol; keys are looked up case-insensitively
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record UserDataMessage(
        String userId,
        Map<String, byte[]> payloads,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public UserDataMessage {
        userId = Objects.requireNonNull(userId, "userId");
        payloads = PayloadMap.copyOf(payloads);
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.USER_DATA;
    }

    static UserDataMessage read(ServiceFieldReader in) {
        String userId = in.readId("userId");
        Map<String, byte[]> payloads = in.readPayloads("payloads");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new UserDataMessage(userId, payloads, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeString(userId);
        out.writePayloads(payloads);
        out.writeExtensions(extensions);
    }
}
