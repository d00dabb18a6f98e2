package io.hubkit.backplane.service.protocol;

/**
 * What a {@link ServiceEventMessage} is about.
 */
public enum ServiceEventObjectType {

    /** A service instance. */
    SERVICE_INSTANCE(0),

    /** A client connection. */
    CONNECTION(1),

    /** A user. */
    USER(2),

    /** A group. */
    GROUP(3),

    /** A server connection. */
    SERVER_CONNECTION(4);

    private final int code;

    ServiceEventObjectType(int code) {
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
    public static ServiceEventObjectType of(int code) {
        for (ServiceEventObjectType value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown ServiceEventObjectType " + code);
    }
}
