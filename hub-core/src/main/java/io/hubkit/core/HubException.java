package io.hubkit.core;

/**
 * An error whose message is meant for the client: thrown by hub code, its text reaches the caller
 * even when detailed errors are off (as {@code "… HubException: <message>"}). Also the error a
 * failed client result completes with.
 */
public class HubException extends RuntimeException {

    public HubException(String message) {
        super(message);
    }

    public HubException(String message, Throwable cause) {
        super(message, cause);
    }
}
