package io.hubkit.backplane.service.protocol;

/**
 * Invalid service-protocol input: malformed MessagePack, a field of the wrong type, a message
 * array too short for its type, or a frame over the size limit. The stream it came from cannot be
 * trusted any further; the connection that carried it should be closed.
 */
public class ServiceProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceProtocolException(String message) {
        super(message);
    }

    public ServiceProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
