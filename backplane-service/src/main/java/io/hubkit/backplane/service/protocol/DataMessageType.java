package io.hubkit.backplane.service.protocol;

/**
 * What a {@link ConnectionDataMessage} carries (extension {@code dataMessageType}); {@code UNKNOWN} is never written.
 */
public enum DataMessageType {

    /** Not said. */
    UNKNOWN(0),

    /** The SignalR handshake. */
    HANDSHAKE(1),

    /** A hub invocation. */
    INVOCATION(2),

    /** Any other hub message. */
    OTHER(3);

    private final int code;

    DataMessageType(int code) {
        this.code = code;
    }

    /** The number that stands for this value on the wire. */
    public int code() {
        return code;
    }

    /**
     * The value {@code code} stands for.
     *
     * @throws IllegalArgumentException for a code this version does not know
     */
    public static DataMessageType of(int code) {
        for (DataMessageType value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown DataMessageType " + code);
    }
}
