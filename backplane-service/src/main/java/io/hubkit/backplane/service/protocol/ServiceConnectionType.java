package io.hubkit.backplane.service.protocol;

/**
 * The kind of a server connection, sent in {@link HandshakeRequestMessage#connectionType()}.
 */
public enum ServiceConnectionType {

    /** A connection the server keeps open for the life of the hub; clients are routed over it. */
    DEFAULT(0),

    /** An extra connection the service asked for (ping {@code target}); the service may reject it. */
    ON_DEMAND(1),

    /** A send-only connection that never carries clients (the management SDK's persistent mode). */
    WEAK(2);

    private final int code;

    ServiceConnectionType(int code) {
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
    public static ServiceConnectionType of(int code) {
        for (ServiceConnectionType value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown ServiceConnectionType " + code);
    }
}
