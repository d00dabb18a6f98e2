package io.hubkit.backplane.service.protocol;

import java.util.List;
import java.util.Map;

/**
 * Send one hub message to every connection of several groups, server → service.
 *
 * <p>Type 14; wire layout {@code [14, groupList, payloads, extensions]}; the reader also accepts the
 * shorter arrays of older peers, ending after {@code payloads}, and ignores elements after the last known
 * one. Immutable value.
 *
 * @param groupList the target groups
 * @param payloads protocol name ({@code json}, {@code messagepack}, …) to the fully framed hub message for
 *        clients of that protocol; keys are looked up case-insensitively
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record MultiGroupBroadcastDataMessage(
        List<String> groupList,
        Map<String, byte[]> payloads,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public MultiGroupBroadcastDataMessage {
        groupList = ServiceValues.strings(groupList);
        payloads = PayloadMap.copyOf(payloads);
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.MULTI_GROUP_BROADCAST_DATA;
    }

    static MultiGroupBroadcastDataMessage read(ServiceFieldReader in) {
        List<String> groupList = in.readStringList("groupList");
        Map<String, byte[]> payloads = in.readPayloads("payloads");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new MultiGroupBroadcastDataMessage(groupList, payloads, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeStringList(groupList);
        out.writePayloads(payloads);
        out.writeExtensions(extensions);
    }
}
