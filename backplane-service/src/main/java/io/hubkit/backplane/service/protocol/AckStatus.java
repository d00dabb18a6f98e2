package io.hubkit.backplane.service.protocol;

/**
 * The outcome carried by {@link AckMessage#status()}. Older peers may send other numbers; read them with care.
 */
public enum AckStatus {

    /** Done, or (for the check messages) the thing exists. */
    OK(1),

    /** The connection, user or group does not exist (for the check messages: the answer is no). */
    NOT_FOUND(2),

    /** The service gave up waiting. */
    TIMEOUT(3),

    /** The service failed. */
    INTERNAL_SERVER_ERROR(4);

    private final int code;

    AckStatus(int code) {
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
    public static AckStatus of(int code) {
        for (AckStatus value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown AckStatus " + code);
    }
}
