package io.hubkit.core.protocol;

/**
 * Invalid data on the wire (the .NET server's {@code InvalidDataException}). The message is the
 * exact text the official implementation reports, so it can be shown to clients verbatim.
 */
public class HubProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HubProtocolException(String message) {
        super(message);
    }

    public HubProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
