package io.hubkit.backplane.service.protocol;

import java.util.List;
import java.util.Map;

/**
 * Send one hub message to every connection of several users, server → service.
 *
 * <p>Type 9; wire layout {@code [9, userList, payloads, extensions]}; the reader also accepts the shorter
 * arrays of older peers, ending after {@code payloads}, and ignores elements after the last known one.
 * Immutable value.
 *
 * @param userList the target user ids
 * @param payloads protocol name ({@code json}, {@code messagepack}, …) to the fully framed hub message for
 *        clients of that protocol; keys are looked up case-insensitively
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record MultiUserDataMessage(
        List<String> userList,
        Map<String, byte[]> payloads,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public MultiUserDataMessage {
        userList = ServiceValues.strings(userList);
        payloads = PayloadMap.copyOf(payloads);
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.MULTI_USER_DATA;
    }

    static MultiUserDataMessage read(ServiceFieldReader in) {
        List<String> userList = in.readStringList("userList");
        Map<String, byte[]> payloads = in.readPayloads("payloads");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new MultiUserDataMessage(userList, payloads, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeStringList(userList);
        out.writePayloads(payloads);
        out.writeExtensions(extensions);
    }
}
