package io.hubkit.backplane.service.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Send one hub message to every connection of a group, except the listed connections and users, server →
 * service.
 *
 * <p>Type 13; wire layout {@code [13, groupName, excludedList, payloads, extensions, excludedUserList,
 * callerUserId]}; the reader also accepts the shorter arrays of older peers, ending after {@code payloads},
 * and ignores elements after the last known one. Immutable value.
 *
 * @param groupName the group
 * @param excludedList connection ids that must not receive it (empty for none)
 * @param payloads protocol name ({@code json}, {@code messagepack}, …) to the fully framed hub message for
 *        clients of that protocol; keys are looked up case-insensitively
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 * @param excludedUserList user ids whose connections must not receive it (empty for none)
 * @param callerUserId the user id of the caller, or {@code null}
 */
public record GroupBroadcastDataMessage(
        String groupName,
        List<String> excludedList,
        Map<String, byte[]> payloads,
        ServiceExtensions extensions,
        List<String> excludedUserList,
        String callerUserId)
        implements ExtensibleServiceMessage {

    public GroupBroadcastDataMessage {
        groupName = Objects.requireNonNull(groupName, "groupName");
        excludedList = ServiceValues.strings(excludedList);
        payloads = PayloadMap.copyOf(payloads);
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
        excludedUserList = ServiceValues.strings(excludedUserList);
    }

    @Override
    public int typeId() {
        return ServiceMessageType.GROUP_BROADCAST_DATA;
    }

    static GroupBroadcastDataMessage read(ServiceFieldReader in) {
        String groupName = in.readId("groupName");
        List<String> excludedList = in.readStringList("excludedList");
        Map<String, byte[]> payloads = in.readPayloads("payloads");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        List<String> excludedUserList = in.hasMore() ? in.readStringList("excludedUserList") : List.of();
        String callerUserId = in.hasMore() ? in.readString("callerUserId") : null;
        return new GroupBroadcastDataMessage(groupName, excludedList, payloads, extensions, excludedUserList,
                callerUserId);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(7);
        out.writeInt(typeId());
        out.writeString(groupName);
        out.writeStringList(excludedList);
        out.writePayloads(payloads);
        out.writeExtensions(extensions);
        out.writeStringList(excludedUserList);
        out.writeString(callerUserId);
    }
}
