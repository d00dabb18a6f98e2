package io.hubkit.backplane.service.protocol;

import java.util.List;
import java.util.Map;

/**
 * Send one hub message to every client of the hub, except the listed connections, server → service.
 *
 * <p>Type 10; wire layout {@code [10, excludedList, payloads, extensions]}; the reader also accepts the
 * shorter arrays of older peers, ending after {@code payloads}, and ignores elements after the last known
 * one. Immutable value.
 *
 * @param excludedList connection ids that must not receive it (empty for none)
 * @param payloads protocol name ({@code json}, {@code messagepack}, …) to the fully framed hub message for
 *        clients of that protocol; keys are looked up case-insensitively
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record BroadcastDataMessage(
        List<String> excludedList,
        Map<String, byte[]> payloads,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public BroadcastDataMessage {
        excludedList = ServiceValues.strings(excludedList);
        payloads = PayloadMap.copyOf(payloads);
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.BROADCAST_DATA;
    }

    static BroadcastDataMessage read(ServiceFieldReader in) {
        List<String> excludedList = in.readStringList("excludedList");
        Map<String, byte[]> payloads = in.readPayloads("payloads");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new BroadcastDataMessage(excludedList, payloads, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeStringList(excludedList);
        out.writePayloads(payloads);
        out.writeExtensions(extensions);
    }
}
