package io.hubkit.backplane.service.protocol;

/**
 * Which side a {@link ConnectionFlowControlMessage} is about.
 */
public enum FlowControlConnectionType {

    /** A client connection. */
    CLIENT(1),

    /** The server connection itself. */
    SERVER(2);

    private final int code;

    FlowControlConnectionType(int code) {
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
    public static FlowControlConnectionType of(int code) {
        for (FlowControlConnectionType value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown FlowControlConnectionType " + code);
    }
}
