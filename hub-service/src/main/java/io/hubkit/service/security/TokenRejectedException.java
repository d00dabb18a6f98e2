package io.hubkit.service.security;

/** A token that may not be used for the request: missing, malformed, badly signed, expired or for another audience. */
public final class TokenRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TokenRejectedException(String message) {
        super(message);
    }

    public TokenRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
