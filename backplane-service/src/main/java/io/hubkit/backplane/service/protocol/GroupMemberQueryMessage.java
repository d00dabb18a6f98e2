package io.hubkit.backplane.service.protocol;

import java.util.Objects;

/**
 * Ask the service for the connections of a group, one page at a time; the answer is an
 * {@link AckMessage} whose payload holds the page.
 *
 * <p>Type 40; wire layout {@code [40, extensions, groupName, ackId, max, continuationToken]}: unlike
 * every other type, the extensions come second. Immutable value.
 *
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 * @param groupName the group
 * @param ackId the id the service echoes in its {@link AckMessage}
 * @param max the largest number of members wanted in this page
 * @param continuationToken where the previous page ended, or {@code null} for the first page
 */
public record GroupMemberQueryMessage(
        ServiceExtensions extensions,
        String groupName,
        int ackId,
        int max,
        String continuationToken)
        implements ExtensibleServiceMessage {

    public GroupMemberQueryMessage {
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
        Objects.requireNonNull(groupName, "groupName");
    }

    @Override
    public int typeId() {
        return ServiceMessageType.GROUP_MEMBER_QUERY;
    }

    static GroupMemberQueryMessage read(ServiceFieldReader in) {
        ServiceExtensions extensions = in.readExtensions();
        String groupName = in.readId("groupName");
        int ackId = in.readInt("ackId");
        int max = in.readInt("max");
        String continuationToken = in.hasMore() ? in.readString("continuationToken") : null;
        return new GroupMemberQueryMessage(extensions, groupName, ackId, max, continuationToken);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(6);
        out.writeInt(typeId());
        out.writeExtensions(extensions);
        out.writeString(groupName);
        out.writeInt(ackId);
        out.writeInt(max);
        out.writeString(continuationToken);
    }
}
