package io.hubkit.backplane.service.protocol;

/**
 * What happened, in a {@link ServiceEventMessage}.
 */
public enum ServiceEventKind {

    /** The object is being reloaded. */
    RELOADING(0),

    /** The object is invalid. */
    INVALID(1),

    /** The object does not exist (e.g. a send to an unknown user). */
    NOT_EXISTED(2),

    /** The service's buffer for the object is full (back-pressure). */
    BUFFER_FULL(3);

    private final int code;

    ServiceEventKind(int code) {
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
    public static ServiceEventKind of(int code) {
        for (ServiceEventKind value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown ServiceEventKind " + code);
    }
}
