package io.hubkit.backplane.service.protocol;

import java.util.Arrays;

/**
 * The service's answer to a {@code *WithAck} message, service → server.
 *
 * <p>Type 20; wire layout {@code [20, ackId, status, message, extensions, payload]}; the reader also
 * accepts the shorter arrays of older peers, ending after {@code message}, and ignores elements after the
 * last known one. Immutable value.
 *
 * @param ackId the id of the message answered
 * @param status an {@link AckStatus} code (other values may arrive from older peers)
 * @param message a human-readable detail, {@code ""} when none
 * @param extensions the optional members; {@link ServiceExtensions#NONE} when none
 * @param payload a result (e.g. of a group member query), or {@code null}; not copied
 */
public record AckMessage(
        int ackId,
        int status,
        String message,
        ServiceExtensions extensions,
        byte[] payload)
        implements ExtensibleServiceMessage {

    public AckMessage {
        message = message == null ? "" : message;
        extensions = extensions == null ? ServiceExtensions.NONE : extensions;
    }

    @Override
    public int typeId() {
        return ServiceMessageType.ACK;
    }

    static AckMessage read(ServiceFieldReader in) {
        int ackId = in.readInt("ackId");
        int status = in.readInt("status");
        String message = in.readString("message");
        ServiceExtensions extensions = in.hasMore() ? in.readExtensions() : ServiceExtensions.NONE;
        byte[] payload = in.hasMore() ? in.readBinary("payload") : null;
        return new AckMessage(ackId, status, message, extensions, payload);
    }

    void write(ServiceFieldWriter out) {
        out.writeArrayHeader(6);
        out.writeInt(typeId());
        out.writeInt(ackId);
        out.writeInt(status);
        out.writeString(message);
        out.writeExtensions(extensions);
        out.writeBinary(payload);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AckMessage that
                && ackId == that.ackId
                && status == that.status
                && java.util.Objects.equals(message, that.message)
                && java.util.Objects.equals(extensions, that.extensions)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        int hash = 0;
        hash = 31 * hash + ackId;
        hash = 31 * hash + status;
        hash = 31 * hash + java.util.Objects.hashCode(message);
        hash = 31 * hash + java.util.Objects.hashCode(extensions);
        hash = 31 * hash + Arrays.hashCode(payload);
        return hash;
    }

    @Override
    public String toString() {
        return "AckMessage["
                + "ackId=" + ackId
                + ", status=" + status
                + ", message=" + message
                + ", extensions=" + extensions
                + ", payload=" + (payload == null ? "null" : payload.length + " bytes") + "]";
    }
}
