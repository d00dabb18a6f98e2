package io.hubkit.backplane.service.protocol;

import java.util.List;
import java.util.Map;

/**
 * Send one hub message to several client connections, server → service.
 *
 * <p>Type 7; wire layout {@code [7, connectionList, payloads, extensions]}; the reader also accepts the
 * shorter arrays of older peers, ending after {@code payloads}, and ignores elements after the last known
 * one. Immutable value.
 *
 * @param connectionList the target connection ids
 * @param payloads protocol name ({@code json}, {@code messagepack}, …) to the fully framed hub message for
 *        clients of that protocol; keys are looked up case-insensitively
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 */
public record MultiConnectionDataMessage(
        List<String> connectionList,
        Map<String, byte[]> payloads,
        ServiceExtensions extensions)
        implements ExtensibleServiceMessage {

    public MultiConnectionDataMessage {
        connectionList = ServiceValues.strings(connectionList);
        payloads = PayloadMap.copyOf(payloads);
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.MULTI_CONNECTION_DATA;
    }

    static MultiConnectionDataMessage read(ServiceFieldReader in) {
        List<String> connectionList = in.readStringList("connectionList");
        Map<String, byte[]> payloads = in.readPayloads("payloads");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        return new MultiConnectionDataMessage(connectionList, payloads, extensions);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(4);
        out.writeInt(typeId());
        out.writeStringList(connectionList);
        out.writePayloads(payloads);
        out.writeExtensions(extensions);
    }
}
