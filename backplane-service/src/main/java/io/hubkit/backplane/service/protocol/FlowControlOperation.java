package io.hubkit.backplane.service.protocol;

/**
 * What a {@link ConnectionFlowControlMessage} asks for or reports.
 */
public enum FlowControlOperation {

    /** Stop forwarding data of the connection. */
    PAUSE(1),

    /** Forwarding has stopped. */
    PAUSE_ACK(2),

    /** Forward data again. */
    RESUME(3),

    /** The server connection is going away; send through other server connections. */
    OFFLINE(4);

    private final int code;

    FlowControlOperation(int code) {
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
    public static FlowControlOperation of(int code) {
        for (FlowControlOperation value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new IllegalArgumentException("Unknown FlowControlOperation " + code);
    }
}
