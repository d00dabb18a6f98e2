package io.hubkit.backplane.service.auth;

/**
 * A connection string that cannot be used. The message names what is wrong with the wording of the
 * reference SDK (e.g. {@code "Version 2.0 is not supported."}) and never repeats a secret value.
 */
public class ConnectionStringException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConnectionStringException(String message) {
        super(message);
    }
}
