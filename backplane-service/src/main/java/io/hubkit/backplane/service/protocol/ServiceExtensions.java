package io.hubkit.backplane.service.protocol;

/**
 * The optional members of a message, written as a MessagePack map with int keys: only present
 * members are written, in ascending key order, and readers skip keys they do not know. A
 * {@code null} component is absent. {@code dataMessageType} 0 (unknown) and {@code isPartial}
 * {@code false} are never written, so they read back as absent and are normalised to {@code null}
 * here. Immutable value.
 *
 * @param tracingId key 1, an unsigned 64-bit tracing id (read values above {@link Long#MAX_VALUE}
 *        come back negative, as the same 64 bits)
 * @param ttl key 2, seconds (user group membership)
 * @param protocol key 3, a hub protocol name
 * @param filter key 4, an OData filter on subscribers
 * @param dataMessageType key 5, a {@link DataMessageType} code
 * @param isPartial key 6, whether more bytes of the same hub message follow
 */
public record ServiceExtensions(
        Long tracingId, Integer ttl, String protocol, String filter, Integer dataMessageType, Boolean isPartial) {

    /** No optional member: written as an empty map. */
    public static final ServiceExtensions NONE = new ServiceExtensions(null, null, null, null, null, null);

    static final int TRACING_ID = 1;
    static final int TTL = 2;
    static final int PROTOCOL = 3;
    static final int FILTER = 4;
    static final int DATA_MESSAGE_TYPE = 5;
    static final int IS_PARTIAL = 6;

    public ServiceExtensions {
        if (dataMessageType != null && dataMessageType == DataMessageType.UNKNOWN.code()) {
            dataMessageType = null;
        }
        if (Boolean.FALSE.equals(isPartial)) {
            isPartial = null;
        }
    }

    /** Whether {@code isPartial} is set. */
    public boolean partial() {
        return isPartial != null;
    }

    /** Whether no member is present. */
    public boolean isEmpty() {
        return tracingId == null && ttl == null && protocol == null && filter == null
                && dataMessageType == null && isPartial == null;
    }

    /** The number of members present (the size of the map on the wire). */
    public int size() {
        int size = 0;
        size += tracingId != null ? 1 : 0;
        size += ttl != null ? 1 : 0;
        size += protocol != null ? 1 : 0;
        size += filter != null ? 1 : 0;
        size += dataMessageType != null ? 1 : 0;
        size += isPartial != null ? 1 : 0;
        return size;
    }

    public ServiceExtensions withTracingId(Long value) {
        return new ServiceExtensions(value, ttl, protocol, filter, dataMessageType, isPartial);
    }

    public ServiceExtensions withTtl(Integer value) {
        return new ServiceExtensions(tracingId, value, protocol, filter, dataMessageType, isPartial);
    }

    public ServiceExtensions withProtocol(String value) {
        return new ServiceExtensions(tracingId, ttl, value, filter, dataMessageType, isPartial);
    }

    public ServiceExtensions withFilter(String value) {
        return new ServiceExtensions(tracingId, ttl, protocol, value, dataMessageType, isPartial);
    }

    public ServiceExtensions withDataMessageType(DataMessageType value) {
        return new ServiceExtensions(tracingId, ttl, protocol, filter, value == null ? null : value.code(), isPartial);
    }

    public ServiceExtensions withPartial(boolean value) {
        return new ServiceExtensions(tracingId, ttl, protocol, filter, dataMessageType, value);
    }
}
